import { describe, expect, it } from "vitest";
import { fromAnnotationCollection, toAnnotationCollection, type TJsonLdAnnotationInput } from "./jsonld";
import { jsonLdStream } from "./jsonld-stream";

function annotation(id: string, overrides: Partial<TJsonLdAnnotationInput> = {}): TJsonLdAnnotationInput {
  return {
    id,
    articleId: "art_1",
    start: 4,
    end: 9,
    quote: "quick",
    prefix: "The ",
    suffix: " brown fox",
    tag: "opinion",
    note: id === "a2" ? 'a "note",\nwith 😀' : "",
    author: { name: "Alice", email: "alice@example.org" },
    status: "accepted",
    agreeCount: 2,
    disagreeCount: 1,
    createdAt: new Date("2026-11-25T10:00:00.000Z"),
    updatedAt: new Date("2026-11-25T11:00:00.000Z"),
    ...overrides,
  };
}

const id = "https://annotator.example/api/export/annotations.jsonld?tag=opinion";

async function* batchesOf(batches: TJsonLdAnnotationInput[][], log: string[] = []) {
  try {
    for (const batch of batches) {
      log.push("batch");
      yield batch;
    }
  } finally {
    log.push("closed");
  }
}

const read = (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

describe("jsonLdStream", () => {
  it("streams the document toAnnotationCollection builds, one annotation per line", async () => {
    const batches = [[annotation("a1"), annotation("a2")], [], [annotation("a3")]];
    const text = await read(jsonLdStream({ id, label: "Export", batches: batchesOf(batches) }));
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(toAnnotationCollection({ id, label: "Export", items: batches.flat() }))));
    expect(text.split("\n").filter((line) => line.startsWith('{"id":"https://annotator.example/api/annotations/'))).toHaveLength(3);
    expect(fromAnnotationCollection(JSON.parse(text)).map((a) => a.note)).toEqual(["", 'a "note",\nwith 😀', ""]);
  });

  it("is a valid empty collection without rows", async () => {
    const doc = JSON.parse(await read(jsonLdStream({ id, batches: batchesOf([]) })));
    expect(doc).toEqual(JSON.parse(JSON.stringify(toAnnotationCollection({ id, items: [] }))));
  });

  it("reads nothing until asked and closes the source when cancelled", async () => {
    const log: string[] = [];
    const reader = jsonLdStream({ id, batches: batchesOf([[annotation("a1")], [annotation("a2")]], log) }).getReader();
    await reader.read();
    expect(log).toEqual([]);
    await reader.read();
    expect(log).toEqual(["batch"]);
    await reader.cancel();
    expect(log).toEqual(["batch", "closed"]);
  });

  it("errors the stream when the source fails", async () => {
    async function* failing() {
      yield [annotation("a1")];
      throw new Error("disk I/O error");
    }
    const reader = jsonLdStream({ id, batches: failing() }).getReader();
    await reader.read();
    await reader.read();
    await expect(reader.read()).rejects.toThrow("disk I/O error");
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isJsonMediaType, readJson } from "./json";

const ZBody = z.object({ note: z.string() });

/** A chunked body (no Content-Length) that counts the bytes ever pulled from it. */
function chunkedRequest(contentType: string | null, chunks: number, chunk: Uint8Array) {
  const pulled = { bytes: 0 };
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ === chunks) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const headers = contentType ? { "content-type": contentType } : undefined;
  const req = new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { req, pulled };
}

const jsonRequest = (body: BodyInit, contentType = "application/json") =>
  new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": contentType } });

describe("isJsonMediaType", () => {
  it("accepts application/json and +json types, with a UTF-8 charset or none", () => {
    for (const type of ["application/json", "Application/JSON", "application/json; charset=utf-8", 'application/json;charset="UTF-8"', "application/json; charset=utf8", "application/merge-patch+json"]) {
      expect(isJsonMediaType(type)).toBe(true);
    }
  });

  it("refuses everything else", () => {
    for (const type of [null, "", "text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/json", "application/jsonp", "application/json; charset=utf-16"]) {
      expect(isJsonMediaType(type)).toBe(false);
    }
  });
});

describe("readJson", () => {
  it("reads a JSON body", async () => {
    await expect(readJson(jsonRequest('{"note":"😀 e\u0301"}'), ZBody)).resolves.toEqual({ note: "😀 e\u0301" });
  });

  it("refuses a text/plain body with 415 without reading it", async () => {
    const { req, pulled } = chunkedRequest("text/plain", 1000, new TextEncoder().encode('{"note":"x"}'));
    await expect(readJson(req, ZBody)).rejects.toMatchObject({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(pulled.bytes).toBeLessThan(100);
  });

  it("refuses a body with no Content-Type with 415", async () => {
    const { req } = chunkedRequest(null, 1, new TextEncoder().encode('{"note":"x"}'));
    await expect(readJson(req, ZBody)).rejects.toMatchObject({ status: 415 });
  });

  it("stops reading an endless chunked body once it passes the limit", async () => {
    const chunk = new Uint8Array(16 * 1024).fill(0x20);
    const { req, pulled } = chunkedRequest("application/json", 100_000, chunk); // 1.6 GB if read to the end
    await expect(readJson(req, ZBody, 64 * 1024)).rejects.toMatchObject({ status: 413, code: "TOO_LARGE" });
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024 + 2 * chunk.byteLength);
  });

  it("refuses invalid UTF-8 instead of turning it into U+FFFD", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"note":"a'), 0xff, ...new TextEncoder().encode('"}')]);
    await expect(readJson(jsonRequest(bytes), ZBody)).rejects.toMatchObject({ status: 400, code: "INVALID_JSON", message: "The request body is not valid UTF-8." });
  });

  it("answers malformed JSON with 400 INVALID_JSON", async () => {
    await expect(readJson(jsonRequest("{nope"), ZBody)).rejects.toMatchObject({ status: 400, code: "INVALID_JSON" });
  });
});

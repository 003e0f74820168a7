import { describe, expect, it } from "vitest";
import { BodyTooLargeError, decodeUtf8, readBodyCapped } from "./body";

/** A chunked body (no Content-Length) of `chunks` × `size` bytes that counts how much of it was ever pulled. */
function endlessBody(chunks: number, size: number) {
  const pulled = { bytes: 0 };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === chunks) return controller.close();
      sent += 1;
      pulled.bytes += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  const req = new Request("http://localhost/x", { method: "POST", body: stream, duplex: "half" } as RequestInit);
  return { req, pulled };
}

describe("readBodyCapped", () => {
  it("stops reading a chunked body the moment it passes the limit", async () => {
    const { req, pulled } = endlessBody(10_000, 64 * 1024); // 640 MB if read to the end
    await expect(readBodyCapped(req, 1024 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled.bytes).toBeLessThanOrEqual(1024 * 1024 + 2 * 64 * 1024);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const { req, pulled } = endlessBody(10, 1024);
    const declared = new Request(req, { headers: { "content-length": "999999" } });
    await expect(readBodyCapped(declared, 1000)).rejects.toMatchObject({ status: 413, code: "TOO_LARGE" });
    // A ReadableStream pulls ahead of its reader; nothing beyond that read-ahead was asked for.
    expect(pulled.bytes).toBeLessThanOrEqual(2 * 1024);
  });

  it("returns a body within the limit whole", async () => {
    const { req } = endlessBody(3, 10);
    const bytes = await readBodyCapped(req, 30);
    expect(bytes.byteLength).toBe(30);
  });
});

describe("decodeUtf8", () => {
  it("refuses invalid UTF-8 instead of replacing it", () => {
    expect(decodeUtf8(new Uint8Array([0x7b, 0xff, 0x7d]))).toBeNull();
    expect(decodeUtf8(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe("a");
  });
});

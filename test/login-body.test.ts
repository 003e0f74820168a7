// Every body sent to next-auth's routes is read by us, capped while it streams in: an endless one costs 16 KB.
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_AUTH_BODY_BYTES } from "@/lib/auth/auth-form";
import { authCall, seedFixtures } from "./helpers";

beforeAll(async () => {
  await seedFixtures();
});

/** An urlencoded body that never ends, counting what the server pulls from it. */
function endlessForm() {
  const counter = { pulled: 0 };
  const chunk = new TextEncoder().encode(`email=${"a".repeat(4090)}&`);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter, chunkBytes: chunk.byteLength };
}

describe("bodies on next-auth's routes", () => {
  it.each(["/api/auth/callback/credentials", "/api/auth/signout", "/api/auth/_log"])(
    "%s refuses a chunked endless body with 413 after reading at most the cap",
    async (path) => {
      const { stream, counter, chunkBytes } = endlessForm();
      const res = await authCall("POST", path, { body: stream, headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("TOO_LARGE");
      expect(counter.pulled).toBeLessThanOrEqual(MAX_AUTH_BODY_BYTES + 4 * chunkBytes);
    },
  );

  it("refuses a declared oversize body before reading it", async () => {
    const res = await authCall("POST", "/api/auth/callback/credentials", {
      body: "x".repeat(MAX_AUTH_BODY_BYTES + 1),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(413);
  });

  it("refuses JSON on every next-auth POST, not only the login", async () => {
    const res = await authCall("POST", "/api/auth/signout", { body: "{}", headers: { "content-type": "application/json" } });
    expect(res.status).toBe(415);
  });
});

import { describe, expect, it } from "vitest";
import { MAX_AUTH_BODY_BYTES, readAuthForm } from "./auth-form";

const FORM = "application/x-www-form-urlencoded";
const post = (body: BodyInit, type = FORM) => new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers: { "content-type": type }, body });

async function refusal(req: Request) {
  return readAuthForm(req).then(
    () => null,
    (e: { status?: number; code?: string }) => ({ status: e.status, code: e.code }),
  );
}

describe("readAuthForm", () => {
  it("reads a form next-auth/react sends", async () => {
    const body = new URLSearchParams({ email: "ana@example.com", password: "p a+s%s&=", csrfToken: "t", json: "true" });
    expect(await readAuthForm(post(body.toString(), `${FORM};charset=UTF-8`))).toEqual(Object.fromEntries(body));
  });

  it("refuses other media types, duplicated fields and invalid UTF-8", async () => {
    expect(await refusal(post(JSON.stringify({ email: "a" }), "application/json"))).toEqual({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE" });
    expect(await refusal(post("email=a", "multipart/form-data"))).toMatchObject({ status: 415 });
    expect(await refusal(post("email=a", `${FORM}; charset=latin1`))).toMatchObject({ status: 415 });
    expect(await refusal(post("email=decoy%40x&password=p&email=ana%40example.com"))).toEqual({ status: 400, code: "DUPLICATE_FIELD" });
    expect(await refusal(post("email=%FF"))).toEqual({ status: 400, code: "INVALID_FORM" });
    expect(await refusal(post("email=%ED%A0%80"))).toEqual({ status: 400, code: "INVALID_FORM" });
    expect(await refusal(post(new Uint8Array([0x65, 0x3d, 0xff])))).toEqual({ status: 400, code: "INVALID_FORM" });
  });

  it("stops reading an endless body just past the cap", async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode("a".repeat(1024));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const req = new Request("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": FORM },
      body,
      duplex: "half",
    } as RequestInit);
    expect(await refusal(req)).toEqual({ status: 413, code: "TOO_LARGE" });
    expect(pulled).toBeLessThanOrEqual(MAX_AUTH_BODY_BYTES + 4 * chunk.byteLength);
  });
});

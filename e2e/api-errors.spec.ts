import { expect, test, type APIRequestContext } from "@playwright/test";
import { login } from "./support";

const CASES = [
  { method: "GET", url: "/api/nope", status: 404, code: "NOT_FOUND" },
  { method: "POST", url: "/api/nope/deeper", status: 404, code: "NOT_FOUND" },
  { method: "GET", url: "/api", status: 404, code: "NOT_FOUND" },
  { method: "DELETE", url: "/api/articles", status: 405, code: "METHOD_NOT_ALLOWED", allow: "GET, HEAD, OPTIONS, POST" },
  { method: "PUT", url: "/api/me", status: 405, code: "METHOD_NOT_ALLOWED", allow: "GET, HEAD, OPTIONS" },
] as const;

async function expectJsonErrors(request: APIRequestContext, origin: string) {
  for (const c of CASES) {
    const res = await request.fetch(c.url, { method: c.method, headers: { origin }, ...(c.method === "GET" ? {} : { data: {} }) });
    const text = await res.text();
    expect({ url: c.url, method: c.method, status: res.status() }).toEqual({ url: c.url, method: c.method, status: c.status });
    expect(res.headers()["content-type"]).toContain("application/json");
    expect(text).not.toMatch(/<html|<!DOCTYPE/i);
    expect(JSON.parse(text).error).toMatchObject({ code: c.code, message: expect.any(String) });
    if ("allow" in c) expect(res.headers()["allow"]).toBe(c.allow);
  }
}

test("unknown API paths and methods answer JSON 404 / 405, never HTML, logged out", async ({ request, baseURL }) => {
  await expectJsonErrors(request, new URL(baseURL!).origin);
  const options = await request.fetch("/api/articles", { method: "OPTIONS" });
  expect(options.status()).toBe(204);
  expect(options.headers()["allow"]).toBe("GET, HEAD, OPTIONS, POST");
  // HEAD carries no body, but its 405 still names what the route does take.
  const head = await request.fetch("/api/me/password", { method: "HEAD" });
  expect(head.status()).toBe(405);
  expect(head.headers()["allow"]).toBe("OPTIONS, POST");
});

test("unknown API paths and methods answer JSON 404 / 405, never HTML, logged in", async ({ page }) => {
  await login(page, "admin@example.com");
  await expectJsonErrors(page.request, new URL(page.url()).origin);
  // next-auth's own routes still answer beside the catch-all.
  const session = await page.request.get("/api/auth/session");
  expect(session.status()).toBe(200);
  expect((await session.json()).user.email).toBe("admin@example.com");
});

// Unknown paths and unsupported methods under /api answer the contract's JSON error, for every caller.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { isMethodRefusal } from "@/lib/api/methods";
import { call, seedFixtures, type TestUser } from "./helpers";
import { routeFiles } from "./support/route-files";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const API_ROOT = path.resolve(__dirname, "../app/api");
// next-auth answers its own paths; the catch-all is checked on its own below.
const NOT_TABLED = new Set(["auth/[...nextauth]", "[[...path]]"]);


type Handler = (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const loadRoute = async (route: string) => (await import(path.join(API_ROOT, route, "route.ts"))) as Record<string, Handler | undefined>;

let admin: TestUser;
beforeAll(async () => {
  admin = (await seedFixtures()).users.admin;
});

describe("a method a route does not implement", () => {
  const routes = routeFiles(API_ROOT).filter((r) => !NOT_TABLED.has(r));

  it("finds the API's route files", () => {
    expect(routes).toContain("articles");
    expect(routes).toContain("me");
  });

  for (const route of routes) {
    it(`/api/${route}: 405 JSON with an Allow header naming exactly the real methods`, async () => {
      const mod = await loadRoute(route);
      const real = METHODS.filter((m) => typeof mod[m] === "function" && !isMethodRefusal(mod[m]));
      const refused = METHODS.filter((m) => isMethodRefusal(mod[m]));
      expect([...real, ...refused].sort()).toEqual([...METHODS].sort());
      const allow = [...real, ...(real.includes("GET") ? ["HEAD"] : []), "OPTIONS"].sort().join(", ");

      for (const method of refused) {
        for (const user of [undefined, admin]) {
          const options = { ...(user ? { user } : {}), ...(method === "GET" ? {} : { body: {} }) };
          const r = await call(mod[method]!, method, `/api/${route}`, { id: "x" }, options);
          expect({ method, status: r.status }).toEqual({ method, status: 405 });
          expect(r.response.headers.get("content-type")).toContain("application/json");
          expect(r.response.headers.get("allow")).toBe(allow);
          expect(r.json.error).toMatchObject({ code: "METHOD_NOT_ALLOWED", message: expect.stringContaining(method) });
        }
      }
      if (!real.includes("GET")) {
        const head = await call(mod.HEAD!, "HEAD", `/api/${route}`, { id: "x" });
        expect(head.status).toBe(405);
        expect(head.response.headers.get("allow")).toBe(allow);
      }
      const options = await call(mod.OPTIONS!, "OPTIONS", `/api/${route}`, { id: "x" });
      expect(options.status).toBe(204);
      expect(options.response.headers.get("allow")).toBe(allow);
    });
  }
});

describe("a path no route serves", () => {
  for (const method of [...METHODS, "OPTIONS"]) {
    it(`${method} answers 404 NOT_FOUND as JSON, logged in or not`, async () => {
      const mod = await loadRoute("[[...path]]");
      for (const user of [undefined, admin]) {
        const r = await call(mod[method]!, method, "/api/nope/deeper", { path: ["nope", "deeper"] }, user ? { user } : {});
        expect(r.status).toBe(404);
        expect(r.response.headers.get("content-type")).toContain("application/json");
        expect(r.json.error).toEqual({ code: "NOT_FOUND", message: "There is no API route at /api/nope/deeper." });
      }
    });
  }
});

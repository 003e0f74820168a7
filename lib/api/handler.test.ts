import { beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getArticle } from "@/lib/articles/find-articles";
import { AppError } from "@/lib/errors";
import { ImportRejectedError } from "@/lib/import/problems";
import { call, seedFixtures, type TestUser } from "@/test/helpers";
import { errorResponse } from "./errors";
import { apiRoute, json } from "./handler";

const answer = async (res: Response) => ({ status: res.status, body: (await res.json()) as unknown });

describe("errorResponse", () => {
  it("answers an AppError with its code's status and the contract's body", async () => {
    const error = new AppError("QUOTE_MISMATCH", "The quote does not match the article text at those offsets.", "quote");
    expect(await answer(errorResponse(error))).toEqual({
      status: 409,
      body: { error: { code: "QUOTE_MISMATCH", message: "The quote does not match the article text at those offsets.", field: "quote" } },
    });
    expect(await answer(errorResponse(new AppError("LAST_ADMIN", "A team needs at least one admin.")))).toEqual({
      status: 409,
      body: { error: { code: "LAST_ADMIN", message: "A team needs at least one admin." } },
    });
  });

  it("lists a refused import's problems in its body", async () => {
    const error = new ImportRejectedError([{ line: 2, field: "tag", message: "must be a tag" }]);
    expect(await answer(errorResponse(error))).toEqual({
      status: 400,
      body: {
        error: {
          code: "IMPORT_REJECTED",
          message: "Nothing was imported (1 problem): line 2: tag: must be a tag.",
          problems: [{ line: 2, field: "tag", message: "must be a tag" }],
          problemCount: 1,
        },
      },
    });
  });

  it("answers invalid input 400 with its field, a uniqueness clash 409, anything else 500 without details", async () => {
    const invalid = z.object({ end: z.number() }).safeParse({ end: "x" });
    expect(await answer(errorResponse(invalid.error))).toMatchObject({ status: 400, body: { error: { code: "INVALID_INPUT", field: "end" } } });
    expect(await answer(errorResponse(Object.assign(new Error("Unique constraint"), { code: "P2002" })))).toEqual({
      status: 409,
      body: { error: { code: "CONFLICT", message: "That already exists." } },
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await answer(errorResponse(new Error("secret stack")))).toEqual({
      status: 500,
      body: { error: { code: "INTERNAL", message: "Something went wrong on our side." } },
    });
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});

describe("apiRoute", () => {
  let fx: Awaited<ReturnType<typeof seedFixtures>>;
  beforeAll(async () => {
    fx = await seedFixtures();
  });

  // A route of the same shape as PUT /api/team/weights: a JSON body, then a permission.
  const route = apiRoute(
    {
      params: z.object({ id: z.string() }),
      query: z.object({ n: z.coerce.number().int().optional() }),
      body: z.object({ x: z.number() }),
      maxBytes: 1024,
      requires: "team:set-weights",
    },
    async ({ user, params, query, body }) => json({ user: user.email, id: params.id, n: query.n ?? null, x: body.x }),
  );
  const put = (user: TestUser | undefined, body: unknown, query = "") =>
    call(route, "PUT", `/api/test/a1${query}`, { id: "a1" }, { ...(user ? { user } : {}), body });

  it("hands the parsed params, query and body to the handler of an allowed caller", async () => {
    const r = await put(fx.users.admin, { x: 2 }, "?n=3");
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ user: fx.users.admin.email, id: "a1", n: 3, x: 2 });
  });

  it("checks the session first, then the input, then the permission", async () => {
    expect((await put(undefined, { x: "no" })).json.error.code).toBe("UNAUTHORIZED");
    // An annotator's invalid body or query is 400, as the documented order says; a valid one is refused.
    expect((await put(fx.users.cara, { x: "no" })).json.error).toMatchObject({ code: "INVALID_INPUT", field: "x" });
    expect((await put(fx.users.cara, { x: 1 }, "?n=half")).json.error).toMatchObject({ code: "INVALID_INPUT", field: "n" });
    const refused = await put(fx.users.cara, { x: 1 });
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({ error: { code: "FORBIDDEN", message: "Only admins can change the score weights." } });
  });

  it("answers an AppError thrown in lib with the contract's JSON", async () => {
    const get = apiRoute<{ id: string }>(async ({ user, params }) => json(await getArticle(user, params.id)));
    const r = await call(get, "GET", "/api/articles/missing", { id: "missing" }, { user: fx.users.ana });
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ error: { code: "NOT_FOUND", message: "Article not found." } });
    const other = await call(get, "GET", `/api/articles/${fx.otherArticle.id}`, { id: fx.otherArticle.id }, { user: fx.users.ana });
    expect(other).toMatchObject({ status: 404, json: r.json });
  });
});

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { failure } from "@/test/support/api-failure";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient, NETWORK_MESSAGE, SESSION_ENDED_MESSAGE, type TApiClient } from "./index";

// The client's handling of answers, against a real HTTP server on a local port: what it sends, and what every
// kind of answer (the API's errors, a proxy's, none at all) becomes.

type TReceived = { method: string; url: string; contentType: string | undefined; body: string };
type TAnswer = (res: ServerResponse) => void;

let server: Server;
let base: string;
let answer: TAnswer = (res) => res.writeHead(204).end();
let received: TReceived[] = [];

const jsonAnswer =
  (status: number, body: unknown, type = "application/json"): TAnswer =>
  (res) =>
    res.writeHead(status, { "content-type": type }).end(typeof body === "string" ? body : JSON.stringify(body));

function portOf(listening: Server): number {
  const address = listening.address();
  if (address === null || typeof address === "string") throw new Error("not listening on a TCP port");
  return address.port;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    received.push({ method: req.method ?? "", url: req.url ?? "", contentType: req.headers["content-type"], body: await readBody(req) });
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${portOf(server)}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const client = (): TApiClient => {
  received = [];
  return createApiClient((url, init) => fetch(`${base}${url}`, init));
};

describe("requests", () => {
  it("sends JSON with its content type, ids encoded into the path", async () => {
    answer = (res) => res.writeHead(204).end();
    await client().dismissSuggestion("a/b c", { start: 1, end: 4, tag: "opinion" });
    expect(received).toEqual([
      { method: "POST", url: "/api/articles/a%2Fb%20c/suggestions/dismiss", contentType: "application/json", body: '{"start":1,"end":4,"tag":"opinion"}' },
    ]);
  });

  it("sends a query string without the empty filters", async () => {
    answer = jsonAnswer(200, { items: [], remaining: 0, remainingAtLeast: false, nextCursor: null });
    await client().reviewQueue({ limit: 20, articleId: "", author: "u1", tag: "opinion" });
    expect(received[0]).toMatchObject({ method: "GET", url: "/api/review-queue?limit=20&author=u1&tag=opinion", body: "" });
  });

  it("sends an import as a multipart form", async () => {
    answer = jsonAnswer(200, { dryRun: true, created: [], duplicates: [], storiesCreated: [] });
    const form = new FormData();
    form.append("file", new File(["Some text."], "a.txt", { type: "text/plain" }));
    form.set("dryRun", "1");
    expect(await client().importArticles(form)).toEqual({ dryRun: true, created: [], duplicates: [], storiesCreated: [] });
    expect(received[0]!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(received[0]!.body).toContain('filename="a.txt"');
  });
});

describe("answers", () => {
  it("turns the API's error body into ApiError's status, code, message and field", async () => {
    answer = jsonAnswer(409, { error: { code: "QUOTE_MISMATCH", message: "The quote does not match.", field: "quote" } });
    const error = await failure(client().createAnnotation("a1", { start: 0, end: 3, tag: "opinion", quote: "abc" }));
    expect(error).toMatchObject({ name: "ApiError", status: 409, code: "QUOTE_MISMATCH", message: "The quote does not match.", field: "quote" });
    expect(error.problems).toEqual([]);
  });

  it("keeps a refused import's problems and how many there were", async () => {
    const problems = [{ file: "a.csv", line: 2, field: "title", message: "is required" }];
    answer = jsonAnswer(400, { error: { code: "IMPORT_REJECTED", message: "Nothing was imported.", problems, problemCount: 1200 } });
    const error = await failure(client().importArticles(new FormData()));
    expect(error).toMatchObject({ status: 400, code: "IMPORT_REJECTED", problems, problemCount: 1200 });
  });

  it("says the session has ended on a 401, whatever the body", async () => {
    answer = jsonAnswer(401, { error: { code: "UNAUTHORIZED", message: "You need to log in to do this." } });
    const error = await failure(client().listReviews("a1"));
    expect(error).toMatchObject({ status: 401, code: "UNAUTHORIZED", message: SESSION_ENDED_MESSAGE });
    expect(SESSION_ENDED_MESSAGE).toBe("Your session has ended. Log in again.");
  });

  it("keeps the message of an error body that is not quite the API's, and names the status when there is none", async () => {
    answer = jsonAnswer(500, { error: { message: "Database is busy" } });
    expect(await failure(client().listReviews("a1"))).toMatchObject({ status: 500, code: "UNEXPECTED_RESPONSE", message: "Database is busy" });
    answer = jsonAnswer(502, "<html><body>Bad gateway</body></html>", "text/html");
    expect(await failure(client().listReviews("a1"))).toMatchObject({ status: 502, code: "UNEXPECTED_RESPONSE", message: "The server answered 502." });
  });

  it("resolves a 204 to nothing, and refuses an answer that does not fit the route's schema", async () => {
    answer = (res) => res.writeHead(204).end();
    await expect(client().deleteAnnotation("a1")).resolves.toBeUndefined();
    answer = jsonAnswer(200, { reviews: [{ id: "r1" }] });
    const error = await failure(client().listReviews("a1"));
    expect(error).toMatchObject({ status: 200, code: "UNEXPECTED_RESPONSE" });
    expect(error.cause).toBeDefined();
    answer = jsonAnswer(200, { ok: true });
    expect(await failure(client().deleteAnnotation("a1"))).toMatchObject({ status: 200, code: "UNEXPECTED_RESPONSE" });
  });

  it("reports a connection the server dropped, and a server that is not there, as a network failure", async () => {
    answer = (res) => res.socket?.destroy();
    expect(await failure(client().articleScore("a1"))).toMatchObject({ status: 0, code: "NETWORK_ERROR", message: NETWORK_MESSAGE });
    expect(NETWORK_MESSAGE).toMatch(/^Could not reach the server/);

    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, "127.0.0.1", resolve));
    const port = portOf(gone);
    await new Promise<void>((resolve) => gone.close(() => resolve()));
    const offline = createApiClient((url, init) => fetch(`http://127.0.0.1:${port}${url}`, init));
    expect(await failure(offline.articleScore("a1"))).toMatchObject({ status: 0, code: "NETWORK_ERROR", message: NETWORK_MESSAGE });
  });
});

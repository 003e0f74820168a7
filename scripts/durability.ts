// npm run test:durability — against the real production server:
//  1. 200 annotation creates from 20 concurrent sessions: all acknowledged, all stored, no SQLITE_BUSY.
//  2. SIGKILL in the middle of a write burst: after a restart every acknowledged create is there and
//     PRAGMA integrity_check is ok.
// Bounded: at most a few thousand requests, all to 127.0.0.1.
import Database from "better-sqlite3";
import {
  cleanup,
  loginCookie,
  prepareApp,
  startServer,
  stopServer,
  waitForServer,
  type AppEnv,
} from "./lib/app-server";

const PASSWORD = "credibility-demo";
const USERS = ["admin@example.com", "ana@example.com", "ben@example.com"];

type Result = { name: string; ok: boolean; detail: string };

async function firstArticle(app: AppEnv, cookie: string): Promise<{ id: string; length: number }> {
  const res = await fetch(`${app.baseURL}/api/articles`, { headers: { cookie } });
  const { articles } = (await res.json()) as { articles: { id: string }[] };
  const id = articles[0]!.id;
  const one = (await (await fetch(`${app.baseURL}/api/articles/${id}`, { headers: { cookie } })).json()) as { bodyLength: number };
  return { id, length: one.bodyLength };
}

function create(app: AppEnv, cookie: string, articleId: string, start: number, end: number, tag: string) {
  return fetch(`${app.baseURL}/api/articles/${articleId}/annotations`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: app.baseURL },
    body: JSON.stringify({ start, end, tag }),
  });
}

function countAnnotations(file: string, articleId: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT COUNT(*) AS n FROM Annotation WHERE articleId = ?").get(articleId) as { n: number }).n;
  } finally {
    db.close();
  }
}

async function concurrency(app: AppEnv): Promise<Result> {
  // One login after another: attempts on one account are charged before their password is checked, so a burst of
  // simultaneous logins to one account is throttled like a burst of guesses.
  const sessions: string[] = [];
  for (let i = 0; i < 20; i++) sessions.push(await loginCookie(app.baseURL, USERS[i % USERS.length]!, PASSWORD));
  const article = await firstArticle(app, sessions[0]!);
  const before = countAnnotations(app.databaseFile, article.id);
  const statuses: number[] = [];
  const bodies: string[] = [];
  await Promise.all(
    sessions.map(async (cookie, s) => {
      for (let k = 0; k < 10; k++) {
        const i = s * 10 + k;
        // Distinct spans per request: no request is answered with an existing annotation.
        const start = (i * 7) % Math.max(1, article.length - 40);
        const res = await create(app, cookie, article.id, start, start + 5 + (i % 30), ["opinion", "anonymous-source", "official-statement"][i % 3]!);
        statuses.push(res.status);
        bodies.push(await res.text());
      }
    }),
  );
  const created = statuses.filter((s) => s === 201).length;
  const stored = countAnnotations(app.databaseFile, article.id) - before;
  const busy = bodies.filter((b) => /SQLITE_BUSY|database is locked/i.test(b)).length;
  const ok = created === 200 && stored === 200 && busy === 0;
  return {
    name: "200 creates from 20 concurrent sessions",
    ok,
    detail: `${created}/200 acknowledged (statuses: ${[...new Set(statuses)].join(",")}), ${stored} stored, ${busy} SQLITE_BUSY`,
  };
}

async function crash(app: AppEnv): Promise<Result> {
  const server = startServer(app);
  await waitForServer(app.baseURL, server);
  const cookies = await Promise.all(USERS.map((u) => loginCookie(app.baseURL, u, PASSWORD)));
  const article = await firstArticle(app, cookies[0]!);
  const acknowledged: string[] = [];
  let sent = 0;
  let stop = false;
  const workers = Array.from({ length: 12 }, async (_, w) => {
    for (let k = 0; !stop && sent < 3000; k++) {
      const i = sent++;
      const start = (i * 11 + w) % Math.max(1, article.length - 60);
      try {
        const res = await create(app, cookies[w % cookies.length]!, article.id, start, start + 3 + (i % 50), ["opinion", "anonymous-source", "official-statement"][i % 3]!);
        if (res.status === 201 || res.status === 200) acknowledged.push(((await res.json()) as { id: string }).id);
      } catch {
        // the server died mid-request: that create was never acknowledged
      }
    }
  });
  await new Promise((r) => setTimeout(r, 1500));
  await stopServer(server, "SIGKILL");
  stop = true;
  await Promise.all(workers);

  const restarted = startServer(app);
  try {
    await waitForServer(app.baseURL, restarted);
    const db = new Database(app.databaseFile, { readonly: true });
    const integrity = String(db.pragma("integrity_check", { simple: true }));
    const has = db.prepare("SELECT 1 FROM Annotation WHERE id = ?");
    const missing = acknowledged.filter((id) => !has.get(id));
    db.close();
    const ok = acknowledged.length > 0 && missing.length === 0 && integrity === "ok";
    return {
      name: "SIGKILL during a write burst",
      ok,
      detail: `${acknowledged.length} acknowledged before the kill (${sent} sent), ${missing.length} missing after restart, integrity_check: ${integrity}`,
    };
  } finally {
    await stopServer(restarted);
  }
}

async function main() {
  const app = await prepareApp({ build: process.env.SKIP_BUILD !== "1" });
  const results: Result[] = [];
  try {
    const server = startServer(app);
    try {
      await waitForServer(app.baseURL, server);
      results.push(await concurrency(app));
    } finally {
      await stopServer(server);
    }
    results.push(await crash(app));
  } finally {
    cleanup(app);
  }
  for (const r of results) console.log(`${r.ok ? "✓" : "✗"} ${r.name}: ${r.detail}`);
  const passed = results.filter((r) => r.ok).length;
  console.log(`${passed} passed, ${results.length - passed} failed`);
  process.exit(passed === results.length ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

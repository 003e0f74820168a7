// npm run test:durability — against the real production server (`npm start`):
//  1. 200 annotation creates from 20 concurrent sessions: all acknowledged (none refused as busy), all stored.
//  2. SIGKILL in the middle of a burst of creates, reviews and article imports: after a restart every acknowledged
//     create, verdict and import is there, an unacknowledged import is all there or not at all, every cached figure
//     equals a full recompute, and (SQLite) PRAGMA integrity_check is ok.
// `--db sqlite` (the default) or `--db postgresql` (a fresh database on TEST_POSTGRES_URL). SKIP_BUILD=1 uses the
// current production build. Bounded: at most a few thousand requests, all to 127.0.0.1.
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { getDb } from "../lib/db/client";
import { DEMO_USERS } from "../lib/seed/seed-database";
import { waitForServer } from "./lib/app-server";
import { acknowledged, createAnnotation, importArticles, listArticles, reviewAnnotation, TAGS, type TArticleRef, type TSession } from "./support/api";
import { checkAcknowledged, checkDerived, emptyAcknowledged, reportChecks, verdictKey, withDatabase, type TCheck } from "./support/consistency";
import { loginCookie } from "./support/login";
import { buildUnlessSkipped, DEMO_PASSWORD, prepareTestApp, serverPorts, startInstance, stopInstance, type TInstance, type TTestApp } from "./support/test-app";
import { databaseKinds } from "./support/test-database";

const USERS = DEMO_USERS.map((u) => u.email);
const ARTICLES_PER_IMPORT = 3;

type Result = { name: string; ok: boolean; detail: string };

async function start(app: TTestApp, port: number): Promise<TInstance> {
  const instance = startInstance(app, "app", port);
  try {
    await waitForServer(instance.baseURL, instance.proc, 120_000);
  } catch (error) {
    await stopInstance(instance, "SIGKILL");
    throw error;
  }
  return instance;
}

async function firstArticle(session: TSession): Promise<TArticleRef> {
  const [article] = await listArticles(session);
  if (!article) throw new Error("The seeded database has no article");
  return article;
}

function countAnnotations(articleId: string): Promise<number> {
  return getDb().annotation.count({ where: { articleId, deletedAt: null } });
}

async function concurrency(app: TTestApp, port: number): Promise<Result> {
  const server = await start(app, port);
  try {
    // One login after another: attempts on one account are charged before their password is checked, so a burst of
    // simultaneous logins to one account is throttled like a burst of guesses.
    const sessions: TSession[] = [];
    for (let i = 0; i < 20; i++) sessions.push({ baseURL: server.baseURL, cookie: await loginCookie(server.baseURL, USERS[i % USERS.length]!, DEMO_PASSWORD) });
    const article = await firstArticle(sessions[0]!);
    const before = await countAnnotations(article.id);
    const statuses: number[] = [];
    await Promise.all(
      sessions.map(async (session, s) => {
        for (let k = 0; k < 10; k++) {
          const i = s * 10 + k;
          // Distinct spans per request: no request is answered with an existing annotation.
          const start = (i * 7) % Math.max(1, article.bodyLength - 40);
          statuses.push((await createAnnotation(session, article.id, { start, end: start + 5 + (i % 30), tag: TAGS[i % 3]! })).status);
        }
      }),
    );
    const created = statuses.filter((s) => s === 201).length;
    const stored = (await countAnnotations(article.id)) - before;
    return {
      name: "200 creates from 20 concurrent sessions",
      ok: created === 200 && stored === 200,
      detail: `${created}/200 acknowledged (statuses: ${[...new Set(statuses)].join(",")}), ${stored} stored`,
    };
  } finally {
    await stopInstance(server);
  }
}

type TImport = { titles: string[]; ids: string[] | null };

/** Acknowledged imports are there whole; one cut short by the kill is there whole or not at all. */
async function checkImports(imports: readonly TImport[]): Promise<TCheck> {
  const mismatches: string[] = [];
  for (const { titles, ids } of imports) {
    const stored = await getDb().article.findMany({ where: { title: { in: titles } }, select: { id: true } });
    if (ids && !ids.every((id) => stored.some((s) => s.id === id))) mismatches.push(`import ${titles[0]}: acknowledged, ${stored.length}/${ids.length} stored`);
    if (!ids && stored.length !== 0 && stored.length !== titles.length) mismatches.push(`import ${titles[0]}: cut short, ${stored.length}/${titles.length} stored`);
  }
  return { name: "imports all or nothing", checked: imports.length, mismatches };
}

async function crash(app: TTestApp, port: number): Promise<Result> {
  const server = await start(app, port);
  const ack = emptyAcknowledged();
  const authors = new Map<string, string>();
  const claimed = new Set<string>();
  const imports: TImport[] = [];
  let sent = 0;
  let stop = false;
  let sessions: TSession[] = [];
  let article: TArticleRef;

  const create = async (w: number) => {
    const i = sent++;
    const start = (i * 11 + w) % Math.max(1, article.bodyLength - 60);
    const answer = await createAnnotation(sessions[w % USERS.length]!, article.id, { start, end: start + 3 + (i % 50), tag: TAGS[i % 3]! });
    if (answer.value) {
      ack.created.add(answer.value.id);
      authors.set(answer.value.id, USERS[w % USERS.length]!);
    }
  };
  // Each verdict on an annotation nobody else has given one for, so an acknowledged verdict is the stored one.
  const review = async (reviewer: number) => {
    const email = USERS[reviewer]!;
    const id = [...ack.created].find((a) => authors.get(a) !== email && !claimed.has(verdictKey(a, email)));
    if (!id) return create(reviewer);
    const key = verdictKey(id, email);
    claimed.add(key);
    sent++;
    const verdict = sent % 2 ? "agree" : "disagree";
    if (acknowledged((await reviewAnnotation(sessions[reviewer]!, id, verdict)).status)) ack.verdicts.set(key, verdict);
  };
  const importBatch = async () => {
    const n = sent++;
    const titles = Array.from({ length: ARTICLES_PER_IMPORT }, (_, k) => `Crash import ${n}.${k}`);
    const entry: TImport = { titles, ids: null };
    imports.push(entry);
    const answer = await importArticles(sessions[0]!, titles.map((title) => ({ title, body: `${title}: a body of its own, so that it is never a duplicate.` })));
    if (answer.value) entry.ids = answer.value.created.map((c) => c.id);
  };

  // Mostly creates; two workers review (as ana and ben), one imports articles (as the admin).
  const roles = ["create", "create", "create", "create", "create", "create", "create", "create", "review1", "review2", "import", "create"];
  let workers: Promise<void>[] = [];
  try {
    sessions = await Promise.all(USERS.map(async (u) => ({ baseURL: server.baseURL, cookie: await loginCookie(server.baseURL, u, DEMO_PASSWORD) })));
    article = await firstArticle(sessions[0]!);
    workers = roles.map(async (role, w) => {
      while (!stop && sent < 3000) {
        try {
          if (role === "import") await importBatch();
          else if (role.startsWith("review")) await review(Number(role.slice(-1)));
          else await create(w);
        } catch {
          // the server died mid-request: that write was never acknowledged
        }
      }
    });
    // The kill comes once every kind of write has been acknowledged a good number of times, with more in flight.
    const deadline = Date.now() + 20_000;
    const enough = () => ack.created.size >= 300 && ack.verdicts.size >= 30 && imports.filter((i) => i.ids).length >= 5;
    while (!enough() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  } finally {
    await stopInstance(server, "SIGKILL");
    stop = true;
    await Promise.all(workers);
  }

  const restarted = await start(app, port);
  try {
    const checks = [...(await checkAcknowledged(ack)), await checkImports(imports), ...(await checkDerived())];
    const integrity = app.database.file ? sqliteIntegrity(app.database.file) : null;
    const ok = reportChecks(checks) && ack.created.size > 0 && (integrity === null || integrity === "ok");
    const importsAcked = imports.filter((i) => i.ids).length;
    return {
      name: "SIGKILL during a burst of creates, reviews and imports",
      ok,
      detail:
        `${ack.created.size} creates, ${ack.verdicts.size} reviews and ${importsAcked} imports acknowledged before the kill (${sent} sent); ` +
        `${checks.reduce((n, c) => n + c.mismatches.length, 0)} mismatches after restart` +
        (integrity === null ? "" : `, integrity_check: ${integrity}`),
    };
  } finally {
    await stopInstance(restarted);
  }
}

function sqliteIntegrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return String(db.pragma("integrity_check", { simple: true }));
  } finally {
    db.close();
  }
}

async function main() {
  const { values } = parseArgs({ options: { db: { type: "string" } } });
  const [kind] = databaseKinds(values.db, ["sqlite"], false);
  buildUnlessSkipped();
  const app = await prepareTestApp(kind!, "durability");
  const [port] = await serverPorts(1);
  const results: Result[] = [];
  try {
    await withDatabase(app.database.url, async () => {
      results.push(await concurrency(app, port!));
      results.push(await crash(app, port!));
    });
  } finally {
    await app.database.drop();
  }
  console.log(`\n${kind}:`);
  for (const r of results) console.log(`${r.ok ? "✓" : "✗"} ${r.name}: ${r.detail}`);
  const passed = results.filter((r) => r.ok).length;
  console.log(`${passed} passed, ${results.length - passed} failed`);
  process.exit(passed === results.length ? 0 : 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});

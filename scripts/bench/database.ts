// The database a benchmark run measures: a copy of the generated SQLite file, or a freshly generated PostgreSQL
// database on the local server (uniquely named, dropped after the run unless --keep).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { migrateDatabase } from "../../lib/db/migrations";
import { ident, withPostgres } from "../../test/support/postgres";
import { GENERATOR_VERSION, manifestPath, SIZES, type TManifest, type TSize } from "./generate";

export type TDatabaseKind = "sqlite" | "postgresql";

export const ROOT = path.resolve(__dirname, "..", "..");
export const TMP = path.join(ROOT, "bench", "tmp");
const TSX_CLI = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

/** The server the PostgreSQL runs create their databases on; its role needs CREATEDB. */
export const postgresServerUrl = () => process.env.TEST_POSTGRES_URL || "postgresql://app:app@127.0.0.1:5432/app";

/** application_name of the runner's own connections, so the server's backends can be told apart from them. */
export const RUNNER_APPLICATION = "bench-runner";
export const SERVER_APPLICATION = "bench-server";

export type TBenchDatabase = {
  kind: TDatabaseKind;
  /** What the report calls it: the file or the database name. */
  label: string;
  /** The URL without an application name (sqlite: file:…). */
  url: string;
  /** DATABASE_URL for the server and for the runner's own client. */
  serverUrl: string;
  runnerUrl: string;
  manifest: TManifest;
  generatedNow: boolean;
  /** The database's size on disk: the SQLite file (WAL excluded), or pg_database_size. */
  bytes(): Promise<number>;
  /** Removes the run's copy, or drops the database (unless it is kept). */
  dispose(): Promise<void>;
};

const say = (m: string) => console.log(`• ${m}`);

/** The URL with the database's own name, and application_name if given. */
export function postgresUrl(database: string, application?: string): string {
  const u = new URL(postgresServerUrl());
  u.pathname = `/${database}`;
  if (application) u.searchParams.set("application_name", application);
  else u.searchParams.delete("application_name");
  return u.toString();
}


function readManifest(file: string, size: TSize): TManifest | null {
  try {
    const m = JSON.parse(readFileSync(file, "utf8")) as TManifest;
    return m.generatorVersion === GENERATOR_VERSION && m.size === size ? m : null;
  } catch {
    return null;
  }
}

function runGenerator(size: TSize, args: string[]): void {
  say(`${size}: generating ${SIZES[size].articles} articles, ${SIZES[size].annotations} annotations…`);
  const r = spawnSync(process.execPath, [TSX_CLI, path.join(__dirname, "generate.ts"), "--size", size, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=8192`.trim() },
    timeout: 90 * 60_000,
  });
  if (r.status !== 0) throw new Error(`Generating ${size} failed (exit ${r.status})`);
}

export type TPrepareOptions = { regenerate: boolean; data: string | null; keep: boolean };

/**
 * SQLite: the generated file (bench/tmp/<size>.db, made once per generator version, or --data FILE), migrated in
 * place, then copied for the run so every run starts from the same data.
 */
async function prepareSqlite(size: TSize, opts: TPrepareOptions): Promise<TBenchDatabase> {
  mkdirSync(TMP, { recursive: true });
  const file = opts.data ?? path.join(TMP, `${size}.db`);
  let manifest = opts.regenerate && !opts.data ? null : existsSync(file) ? readManifest(manifestPath(file), size) : null;
  const generatedNow = !manifest;
  if (manifest) say(`${size}: using ${path.relative(ROOT, file)} (generator v${GENERATOR_VERSION}, made in ${manifest.generationSeconds.toFixed(0)} s)`);
  else if (opts.data) throw new Error(`${opts.data} has no manifest ${manifestPath(opts.data)} for size ${size}`);
  else {
    runGenerator(size, ["--out", file]);
    manifest = readManifest(manifestPath(file), size);
    if (!manifest) throw new Error(`The generator did not write ${manifestPath(file)}`);
  }
  // Data generated before a newer migration (an index, say) is brought up to date once, in place.
  const applied = await migrateDatabase(`file:${file}`);
  if (applied.length) say(`${size}: applied ${applied.join(", ")} to ${path.relative(ROOT, file)}`);
  const work = path.join(TMP, `run-${size}.db`);
  const remove = () => ["", "-wal", "-shm"].forEach((suffix) => rmSync(work + suffix, { force: true }));
  remove();
  copyFileSync(file, work);
  const url = `file:${work}`;
  return {
    kind: "sqlite",
    label: path.relative(ROOT, work),
    url,
    serverUrl: url,
    runnerUrl: url,
    manifest,
    generatedNow,
    bytes: async () => statSync(work).size,
    async dispose() {
      remove();
    },
  };
}

/**
 * PostgreSQL: a new database per run, named bench_<size>_<time>_<pid>, generated by the same generator through the
 * app's migrations and Prisma client; --data NAME reuses one a --keep run left behind (and keeps it).
 */
async function preparePostgres(size: TSize, opts: TPrepareOptions): Promise<TBenchDatabase> {
  mkdirSync(TMP, { recursive: true });
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const name = opts.data ?? `bench_${size.toLowerCase()}_${stamp}_${process.pid}`;
  const manifestFile = path.join(TMP, `${name}.json`);
  const url = postgresUrl(name);
  const keep = opts.keep || opts.data !== null;
  const drop = () => withPostgres(postgresServerUrl(), (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
  let manifest: TManifest | null;
  if (opts.data) {
    manifest = readManifest(manifestFile, size);
    if (!manifest) throw new Error(`Database ${name} has no manifest ${path.relative(ROOT, manifestFile)} for size ${size} (made by a --keep run)`);
    say(`${size}: using PostgreSQL database ${name} (--data)`);
    const applied = await migrateDatabase(url);
    if (applied.length) say(`${size}: applied ${applied.join(", ")} to ${name}`);
  } else {
    await withPostgres(postgresServerUrl(), (c) => c.query(`CREATE DATABASE ${ident(name)}`));
    say(`${size}: created PostgreSQL database ${name}${keep ? " (kept after the run: --keep)" : " (dropped after the run)"}`);
    try {
      runGenerator(size, ["--url", url, "--manifest", manifestFile]);
      manifest = readManifest(manifestFile, size);
      if (!manifest) throw new Error(`The generator did not write ${manifestFile}`);
      // Fresh statistics for the planner, as autovacuum would gather them some time after a bulk load.
      await withPostgres(url, (c) => c.query("VACUUM ANALYZE"));
    } catch (error) {
      if (!keep) await drop();
      throw error;
    }
  }
  return {
    kind: "postgresql",
    label: name,
    url,
    serverUrl: postgresUrl(name, SERVER_APPLICATION),
    runnerUrl: postgresUrl(name, RUNNER_APPLICATION),
    manifest,
    generatedNow: !opts.data,
    bytes: () => withPostgres(url, async (c) => Number((await c.query("SELECT pg_database_size(current_database()) AS b")).rows[0].b)),
    async dispose() {
      if (keep) {
        say(`Kept PostgreSQL database ${name}: rerun with --db postgresql --data ${name}; drop it with DROP DATABASE ${name}`);
        return;
      }
      await drop();
      rmSync(manifestFile, { force: true });
    },
  };
}

export function prepareDatabase(kind: TDatabaseKind, size: TSize, opts: TPrepareOptions): Promise<TBenchDatabase> {
  return kind === "postgresql" ? preparePostgres(size, opts) : prepareSqlite(size, opts);
}

// One measured run: the database prepared, the server started on it, the runner's context; all cleaned up after.
import path from "node:path";
import pg from "pg";
import { pgConfig } from "../../lib/db/schema-engine";
import { createSessions, type TCtx } from "./context";
import { postgresServerUrl, prepareDatabase, TMP, type TDatabaseKind } from "./database";
import type { TSize } from "./generate";
import { startServer, stopServer } from "./server";
import { say } from "./util";

export type TScenario = "reads" | "export" | "create" | "hot" | "live";
export type TOptions = {
  databases: TDatabaseKind[];
  sizes: TSize[];
  quick: boolean;
  skipBuild: boolean;
  regenerate: boolean;
  keep: boolean;
  profile: string | null;
  only: TScenario[] | null;
  data: string | null;
  render: boolean;
};

/** Starts the server on a prepared database and gives the scenarios their context; stops and cleans up after. */
export async function withRun<T>(kind: TDatabaseKind, size: TSize, opts: TOptions, work: (ctx: TCtx) => Promise<T>, cpuProfDir?: string): Promise<T> {
  const database = await prepareDatabase(kind, size, { regenerate: opts.regenerate, data: opts.data, keep: opts.keep });
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let pgStats: pg.Client | null = null;
  const client = await import("../../lib/db/client");
  try {
    server = await startServer(database.serverUrl, path.join(cpuProfDir ?? TMP, `server-${kind}-${size}.log`), cpuProfDir);
    say(`${kind} ${size}: server pid ${server.pid} on ${server.base}`);
    // The runner's own client (counts, clean-up, the in-process probes) reads DATABASE_URL, as the app does.
    process.env.DATABASE_URL = database.runnerUrl;
    const db = client.getDb();
    if (kind === "postgresql") {
      // Statistics views are read from the server's maintenance database, so reading them adds nothing to the run's.
      pgStats = new pg.Client(pgConfig(postgresServerUrl()));
      await pgStats.connect();
    }
    const sessions = await createSessions(database.manifest, server.secret, db);
    const ctx: TCtx = { size, database, server, manifest: database.manifest, sessions, cookies: sessions.map((s) => s.cookie), quick: opts.quick, db, pgStats };
    return await work(ctx);
  } finally {
    await client.disconnectDb();
    if (kind === "sqlite") (await import("../../lib/db/sqlite-writer")).closeWriter();
    await pgStats?.end();
    if (server) await stopServer(server);
    await database.dispose();
  }
}


// The tools the benchmark runs, and the machine it describes in the report.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import { withPostgres } from "../../test/support/postgres";
import { postgresServerUrl, type TDatabaseKind } from "./database";
import type { TMachine } from "./results";
import { say } from "./util";

/** Command → Debian package. */
const TOOLS: Record<string, string> = { wrk: "wrk", sqlite3: "sqlite3", curl: "curl", psql: "postgresql-client" };

function hasCommand(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

export function ensureTools(databases: TDatabaseKind[]): void {
  const needed = ["wrk", "sqlite3", "curl", ...(databases.includes("postgresql") ? ["psql"] : [])];
  const missing = needed.filter((c) => !hasCommand(c)).map((c) => TOOLS[c]!);
  if (missing.length === 0) return;
  const install = `apt-get install -y ${missing.join(" ")}`;
  if (process.getuid?.() !== 0) {
    console.error(`The benchmark needs ${missing.join(", ")} (Debian packages). Install them: sudo ${install}`);
    process.exit(1);
  }
  say(`Installing ${missing.join(", ")}: ${install}`);
  let r = spawnSync("sh", ["-c", install], { stdio: "inherit" });
  if (r.status !== 0) r = spawnSync("sh", ["-c", `apt-get update && ${install}`], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`Could not install ${missing.join(", ")}; run: ${install}`);
}

function firstLine(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  return `${r.stdout ?? ""}${r.stderr ?? ""}`.split("\n")[0]!.trim();
}

export const loadavgTriple = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

export async function machine(databases: TDatabaseKind[]): Promise<TMachine> {
  const cpus = os.cpus();
  const postgresql = databases.includes("postgresql")
    ? await withPostgres(postgresServerUrl(), async (c) => {
        const { rows } = await c.query<{ name: string; setting: string }>(
          `SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'synchronous_commit', 'fsync', 'shared_buffers', 'max_connections') ORDER BY name`,
        );
        const version = rows.find((r) => r.name === "server_version")?.setting ?? "?";
        return `${version} (${rows.filter((r) => r.name !== "server_version").map((r) => `${r.name}=${r.setting}`).join(", ")})`;
      })
    : undefined;
  return {
    nproc: os.availableParallelism?.() ?? cpus.length,
    cpu: cpus[0]?.model ?? "unknown",
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    wrk: firstLine("wrk", ["--version"]).replace(/ Copyright.*/, ""),
    sqlite3: firstLine("sqlite3", ["--version"]).split(" ").slice(0, 2).join(" "),
    ...(postgresql ? { postgresql } : {}),
    date: new Date().toISOString(),
    loadavgAtStart: loadavgTriple(),
  };
}

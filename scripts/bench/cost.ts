// What the requests of a load run cost: CPU time of the server's process tree, of wrk, of the PostgreSQL backends
// that served the server, and of the whole machine, read from /proc (Linux); on PostgreSQL also the database's own
// counters (pg_stat_database) and the WAL written.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import type pg from "pg";

const TICK_MS = 1000 / (Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100);

/** Fields of /proc/<pid>/stat after the command name (which may contain spaces): [0] is field 3, "state". */
function statFields(pid: number | "self"): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** User + system CPU of one process (all its threads), in ms; null once it has exited. */
export function processCpuMs(pid: number): number | null {
  const f = statFields(pid);
  return f ? (Number(f[11]) + Number(f[12])) * TICK_MS : null;
}

/** CPU of this process's exited and waited-for children (wrk, once it has finished), in ms. */
export function childrenCpuMs(): number {
  const f = statFields("self")!;
  return (Number(f[13]) + Number(f[14])) * TICK_MS;
}

/** A process and all its descendants. */
export function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(Number(entry));
    if (!f) continue;
    const ppid = Number(f[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Busy and total time of all CPUs since boot, in ms (busy excludes idle and iowait). */
function machineTimes(): { busyMs: number; totalMs: number } {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.split(/\s+/).slice(1, 9).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busyMs: (total - cpu[3]! - cpu[4]!) * TICK_MS, totalMs: total * TICK_MS };
}

/**
 * Follows the CPU time of a changing set of processes (the server's tree, or PostgreSQL backends that come and go)
 * by sampling every 250 ms: a process's share is its last sample minus its first (or minus 0 if it started after
 * the meter did). A process that exits between samples loses at most its last 250 ms.
 */
export class CpuMeter {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<void> = Promise.resolve();
  private started = false;

  constructor(private readonly pids: () => Promise<number[]> | number[]) {}

  private async sample() {
    for (const pid of await this.pids()) {
      const ms = processCpuMs(pid);
      if (ms === null) continue;
      if (!this.first.has(pid)) this.first.set(pid, this.started ? 0 : ms);
      this.last.set(pid, ms);
    }
  }

  async start(): Promise<void> {
    await this.sample();
    this.started = true;
    this.timer = setInterval(() => {
      this.sampling = this.sampling.then(() => this.sample()).catch(() => undefined);
    }, 250);
  }

  /** CPU ms of the followed processes since start(), and how many there were. */
  async stop(): Promise<{ cpuMs: number; processes: number }> {
    clearInterval(this.timer);
    await this.sampling;
    await this.sample();
    let cpuMs = 0;
    for (const [pid, last] of this.last) cpuMs += last - this.first.get(pid)!;
    return { cpuMs, processes: this.last.size };
  }
}

/** PostgreSQL's view of one database: its counters, and the WAL position of the whole cluster. */
type TPgCounters = { commits: number; rollbacks: number; activeMs: number; idleInTransactionMs: number; walLsn: string };

async function pgCounters(client: pg.Client, database: string): Promise<TPgCounters> {
  const { rows } = await client.query(
    `SELECT xact_commit AS commits, xact_rollback AS rollbacks, active_time AS "activeMs",
            idle_in_transaction_time AS "idleInTransactionMs", pg_current_wal_lsn()::text AS "walLsn"
       FROM pg_stat_database WHERE datname = $1`,
    [database],
  );
  const r = rows[0] as Record<string, string | number>;
  return {
    commits: Number(r.commits),
    rollbacks: Number(r.rollbacks),
    activeMs: Number(r.activeMs),
    idleInTransactionMs: Number(r.idleInTransactionMs),
    walLsn: String(r.walLsn),
  };
}

/**
 * The counters once every backend has reported: a backend publishes its statistics at most once a second while
 * busy, and within 10 s of going idle, so this reads them 11 s after the last activity.
 */
async function settledPgCounters(client: pg.Client, database: string): Promise<TPgCounters> {
  await new Promise((r) => setTimeout(r, 11_000));
  return pgCounters(client, database);
}

export type TDatabaseCost = {
  /** CPU of the backends serving the measured connections (their application_name), from /proc. */
  backendCpuMs: number;
  backends: number;
  /** pg_stat_database over the run, whole database: time executing statements, and idle inside a transaction. */
  activeMs: number;
  idleInTransactionMs: number;
  commits: number;
  rollbacks: number;
  /** WAL written by the whole cluster meanwhile (other databases' writes included). */
  walBytes: number;
};

export type TCost = {
  wallSeconds: number;
  /** CPU of the measured process(es): the server's tree for a load run, the runner itself for a store probe. */
  processCpuMs: number;
  /** wrk's own CPU (load runs). */
  loadGeneratorCpuMs?: number;
  /** Average number of the machine's cores busy, whoever used them. */
  machineBusyCores: number;
  database?: TDatabaseCost;
};

export type TPgTarget = { client: pg.Client; database: string; application: string };

/** The PostgreSQL backends serving connections named `application` on the target's database. */
export async function backendPids(target: TPgTarget): Promise<number[]> {
  const { rows } = await target.client.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`, [
    target.database,
    target.application,
  ]);
  return rows.map((r: { pid: number }) => r.pid);
}

/**
 * Measures `work`: CPU of `pids` (sampled; "self" = this process, read with process.cpuUsage to the microsecond), wrk's
 * CPU if it runs as a child, the machine, and PostgreSQL if given.
 */
export async function measureCost<T>(pids: (() => number[]) | "self", pgTarget: TPgTarget | null, work: () => Promise<T>): Promise<{ value: T; cost: TCost }> {
  const counters0 = pgTarget ? await settledPgCounters(pgTarget.client, pgTarget.database) : null;
  const processes = pids === "self" ? null : new CpuMeter(pids);
  const self0 = process.cpuUsage();
  const backends = pgTarget ? new CpuMeter(() => backendPids(pgTarget)) : null;
  await processes?.start();
  await backends?.start();
  const children0 = childrenCpuMs();
  const machine0 = machineTimes();
  const t0 = performance.now();
  const value = await work();
  const wallSeconds = (performance.now() - t0) / 1000;
  const machine1 = machineTimes();
  const loadGeneratorCpuMs = childrenCpuMs() - children0;
  const self = process.cpuUsage(self0);
  const cpuMs = processes ? (await processes.stop()).cpuMs : (self.user + self.system) / 1000;
  const backendCpu = await backends?.stop();
  const cost: TCost = {
    wallSeconds,
    processCpuMs: cpuMs,
    ...(loadGeneratorCpuMs > 0 ? { loadGeneratorCpuMs } : {}),
    machineBusyCores: (machine1.busyMs - machine0.busyMs) / (((machine1.totalMs - machine0.totalMs) / machineCores()) || 1),
  };
  if (pgTarget && counters0 && backendCpu) {
    const counters1 = await settledPgCounters(pgTarget.client, pgTarget.database);
    const { rows } = await pgTarget.client.query(`SELECT pg_wal_lsn_diff($1, $2)::bigint AS bytes`, [counters1.walLsn, counters0.walLsn]);
    cost.database = {
      backendCpuMs: backendCpu.cpuMs,
      backends: backendCpu.processes,
      activeMs: counters1.activeMs - counters0.activeMs,
      idleInTransactionMs: counters1.idleInTransactionMs - counters0.idleInTransactionMs,
      commits: counters1.commits - counters0.commits,
      rollbacks: counters1.rollbacks - counters0.rollbacks,
      walBytes: Number(rows[0].bytes),
    };
  }
  return { value, cost };
}

function machineCores(): number {
  return readFileSync("/proc/stat", "utf8").split("\n").filter((l) => /^cpu\d/.test(l)).length || 1;
}

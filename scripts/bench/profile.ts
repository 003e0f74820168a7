// --profile SCENARIO: the server under `node --cpu-prof` for one scenario, and where its CPU time went.
import { mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { serverMeters } from "./context";
import { writeTargets, wrkRun } from "./create";
import { ROOT, TMP } from "./database";
import { withRun, type TOptions } from "./harness";
import { timeGets } from "./http";
import { summarizeProfile } from "./profile-summary";
import { measureExport } from "./scenarios";
import { round, say, sleep } from "./util";

export async function profile(opts: TOptions): Promise<void> {
  const size = opts.sizes.at(-1)!;
  const kind = opts.databases.at(-1)!;
  const scenario = opts.profile!;
  const dir = path.join(TMP, "prof", `${kind}-${size}-${scenario}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  await withRun(
    kind,
    size,
    { ...opts, quick: true },
    async (ctx) => {
      say(`Profiling ${scenario} on ${kind} ${size}…`);
      if (scenario === "create" || scenario === "bare") {
        const connections = Number(process.env.BENCH_PROFILE_CONNECTIONS ?? 64);
        const run = await wrkRun(ctx, scenario === "bare" ? "bare" : "product", connections, 10, writeTargets(ctx), 99, true);
        say(`  ${run.rps} req/s, p99 ${run.p99Ms} ms, server ${round(run.cost!.processCpuMs / run.requests, 2)} ms CPU per request`);
      } else if (scenario === "export") {
        await measureExport(ctx);
      } else {
        const urls: Record<string, string> = {
          article: `/articles/${ctx.manifest.hotArticle.id}`,
          annotations: `/api/articles/${ctx.manifest.hotArticle.id}/annotations`,
          scores: "/api/scores?groupBy=outlet",
          articles: "/api/articles",
          queue: "/api/review-queue?limit=20",
          dashboard: "/scores",
        };
        if (!urls[scenario]) throw new Error(`Unknown scenario ${scenario}`);
        const t = await timeGets(ctx.server.base + urls[scenario], ctx.cookies[0]!, 40, serverMeters(ctx), (s) => (s === 200 ? null : `status ${s}`));
        say(`  median ${t.medianMs} ms, server ${t.serverCpuMsPerRequest} ms CPU per request`);
      }
    },
    dir,
  );
  await sleep(1000);
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (!files.length) throw new Error(`No .cpuprofile in ${dir} (did the server exit cleanly?)`);
  const biggest = files.map((f) => path.join(dir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  console.log(summarizeProfile(biggest));
  say(`Profile: ${path.relative(ROOT, biggest)} (open in Chrome DevTools › Performance, or speedscope)`);
}

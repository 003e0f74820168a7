// Where a V8 .cpuprofile (node --cpu-prof) spent its time: self time by function and by package.
import { readFileSync } from "node:fs";

type TNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type TProfile = { nodes: TNode[]; samples: number[]; timeDeltas: number[] };

function packageOf(url: string): string {
  if (!url) return "(native / GC / idle)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith("node:")) return "node core";
  if (url.includes("/.next-bench")) return "app (compiled)";
  if (url.startsWith("wasm")) return "wasm";
  return url.split("/").slice(-2).join("/");
}

export function summarizeProfile(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as TProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfByNode = new Map<number, number>();
  profile.samples.forEach((id, i) => selfByNode.set(id, (selfByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfByNode) {
    const cf = byId.get(id)!.callFrame;
    if (cf.functionName === "(idle)") continue;
    total += us;
    const key = `${cf.functionName || "(anonymous)"}  ${cf.url.split("/").slice(-3).join("/")}:${cf.lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    const pkg = cf.url.startsWith("wasm") || cf.functionName.startsWith("wasm-function") ? "wasm (Prisma query compiler)" : packageOf(cf.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const fmt = (entries: Map<string, number>, n: number) =>
    [...entries.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join("\n");
  return [
    `CPU profile ${file}: ${(total / 1e6).toFixed(1)} s busy (idle excluded)`,
    "Self time by package:",
    fmt(byPackage, 15),
    "Self time by function:",
    fmt(byFunction, top),
  ].join("\n");
}

if (require.main === module) {
  console.log(summarizeProfile(process.argv[2]!, Number(process.argv[3] ?? 25)));
}

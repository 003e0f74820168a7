// `npm test`: every check, in order, stopping at the first failure. The PostgreSQL half (the Vitest suite on
// PostgreSQL, then the end-to-end smoke tests against a PostgreSQL database) runs when TEST_POSTGRES_URL names a
// server whose role has CREATEDB, as .ci/run sets it; without it the SQLite half still runs in full.
import { spawnSync } from "node:child_process";
import { ROOT } from "./env";

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const postgres = Boolean(process.env.TEST_POSTGRES_URL);

const steps: Array<{ script: string; env?: Record<string, string>; when?: boolean }> = [
  { script: "typecheck" },
  { script: "lint" },
  { script: "test:unit" },
  { script: "test:postgresql", when: postgres },
  { script: "test:e2e" },
  // The build test:e2e just made serves either database.
  { script: "test:e2e:postgresql", env: { E2E_SKIP_BUILD: "1" }, when: postgres },
];

for (const step of steps) {
  if (step.when === false) continue;
  const r = spawnSync(npm, ["run", step.script], { cwd: ROOT, env: { ...process.env, ...step.env }, stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`npm test: ${step.script} failed`);
    process.exit(r.status ?? 1);
  }
}
if (!postgres) {
  console.log(
    "PostgreSQL suite not run: set TEST_POSTGRES_URL (e.g. postgresql://app:app@127.0.0.1:5432/app, a role with CREATEDB) to run it too, as .ci/run does.",
  );
}

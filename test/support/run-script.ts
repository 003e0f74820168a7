import { spawn } from "node:child_process";
import path from "node:path";

// The project's command-line scripts, run as a user runs them (tsx), against the test's database (DATABASE_URL).

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

export type TScriptRun = { code: number | null; stdout: string; stderr: string };

/** Runs a script to its end; `env` is added to the test's own environment. */
export function runScript(script: string, args: string[] = [], env: Record<string, string> = {}): Promise<TScriptRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** `npm run user:create` for a new admin of the team "Live desk". */
export const createUser = (email: string) =>
  runScript("scripts/user-create.ts", ["--email", email, "--name", "Live Admin", "--role", "admin", "--team", "Live desk", "--password", "longpassword1"]);

// Loads .env files the way Next.js does, and makes sure a NEXTAUTH_SECRET exists without hard-coding one.
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadEnvConfig } from "@next/env";

export const ROOT = path.resolve(__dirname, "..");
export const LOCAL_ENV_FILE = path.join(ROOT, ".env.local");

export function loadProjectEnv(): void {
  loadEnvConfig(ROOT, process.env.NODE_ENV !== "production", { info: () => {}, error: console.error });
}

/** Generates NEXTAUTH_SECRET into the git-ignored .env.local on first run. Returns true when it did. */
export function ensureAuthSecret(): boolean {
  if (process.env.NEXTAUTH_SECRET) return false;
  const secret = randomBytes(32).toString("base64url");
  const current = existsSync(LOCAL_ENV_FILE) ? readFileSync(LOCAL_ENV_FILE, "utf8") : "";
  const prefix = current && !current.endsWith("\n") ? "\n" : "";
  appendFileSync(LOCAL_ENV_FILE, `${prefix}# Generated on first run; keep it secret, keep it stable.\nNEXTAUTH_SECRET=${secret}\n`);
  process.env.NEXTAUTH_SECRET = secret;
  return true;
}

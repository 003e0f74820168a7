import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/app.db";

/** Resolves a `file:` URL (relative to the project root, as Prisma does) to an absolute path. */
export function sqliteFileFromUrl(url: string, root = process.cwd()): string {
  const raw = url.replace(/^file:/, "");
  if (raw === ":memory:") return raw;
  return path.isAbsolute(raw) ? raw : path.resolve(root, raw);
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

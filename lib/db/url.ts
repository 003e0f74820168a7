import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/app.db";

/** The two databases the app runs on: SQLite, embedded (the default), and PostgreSQL, for several instances. */
export type TProvider = "sqlite" | "postgresql";

export function providerOf(url: string): TProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

/** Resolves a `file:` URL (relative to the project root, as Prisma does) to an absolute path. */
export function sqliteFileFromUrl(url: string, root = process.cwd()): string {
  const raw = url.replace(/^file:/, "");
  if (raw === ":memory:") return raw;
  return path.isAbsolute(raw) ? raw : path.resolve(root, raw);
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function databaseProvider(): TProvider {
  return providerOf(databaseUrl());
}

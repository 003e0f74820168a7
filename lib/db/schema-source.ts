import type { TProvider } from "./url";

// schema.prisma is written once, for SQLite (the default). The PostgreSQL client and migrations are made from the
// same text with only the datasource provider and the client's output folder changed, so the two cannot drift.

/** Where each provider's generated client lives, relative to the schema file it is generated from. */
export const CLIENT_OUTPUT: Record<TProvider, string> = {
  sqlite: "../lib/generated/prisma",
  postgresql: "./prisma-postgresql",
};

export function schemaFor(provider: TProvider, sqliteSchema: string): string {
  if (provider === "sqlite") return sqliteSchema;
  const swapped = sqliteSchema
    .replace(/(datasource db \{[^}]*provider\s*=\s*)"sqlite"/, `$1"postgresql"`)
    .replace(/(generator client \{[^}]*output\s*=\s*)"[^"]*"/, `$1"${CLIENT_OUTPUT.postgresql}"`);
  if (!/provider\s*=\s*"postgresql"/.test(swapped) || !swapped.includes(CLIENT_OUTPUT.postgresql)) {
    throw new Error('schema.prisma must keep `provider = "sqlite"` in its datasource and an `output` in its generator.');
  }
  return swapped;
}

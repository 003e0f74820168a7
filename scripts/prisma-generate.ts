// postinstall: generates the Prisma client for each database. `prisma generate` runs on WebAssembly and never calls
// the schema engine, but the CLI insists on finding one; pointing it at an existing executable keeps it from trying
// to download it.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { schemaFor } from "../lib/db/schema-source";

const ROOT = path.resolve(__dirname, "..");
const SCHEMA = path.join(ROOT, "prisma", "schema.prisma");
// Generated from schema.prisma, never edited: git ignores lib/generated.
export const POSTGRESQL_SCHEMA = path.join(ROOT, "lib", "generated", "postgresql.prisma");

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath };
const generate = (schema: string) =>
  spawnSync(process.execPath, [path.join(ROOT, "node_modules/prisma/build/index.js"), "generate", "--schema", schema], {
    stdio: "inherit",
    env,
    cwd: ROOT,
  }).status ?? 1;

mkdirSync(path.dirname(POSTGRESQL_SCHEMA), { recursive: true });
writeFileSync(POSTGRESQL_SCHEMA, schemaFor("postgresql", readFileSync(SCHEMA, "utf8")));
const status = generate(SCHEMA) || generate(POSTGRESQL_SCHEMA);
process.exit(status);

// postinstall: `prisma generate` runs on WebAssembly and never calls the schema engine, but the CLI
// insists on finding one; pointing it at an existing executable keeps it from trying to download it.
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath };
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);

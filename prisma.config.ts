import { defineConfig } from "prisma/config";

// Used by the ordinary Prisma CLI where it can run (machines with internet access).
// The project's own scripts (scripts/db-*.ts) do the same work offline.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/app.db" },
});

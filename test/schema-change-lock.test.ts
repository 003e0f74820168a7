// On SQLite a schema change locks the database file exclusively, so a script that finds a migration pending while
// the app has the file open refuses and says the app must be stopped. SQLite's own locking: left out of the
// PostgreSQL run (vitest.postgresql.config.mts). The test process plays the running app: its client keeps the file open.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { seedFixtures } from "./helpers";
import { createUser } from "./support/run-script";

beforeAll(async () => {
  await seedFixtures();
  // A read leaves the app's connection open on the file, as a running server's is.
  expect(await getDb().user.count()).toBeGreaterThan(0);
});

describe("a schema change beside a running app", () => {
  it("with a migration pending, user:create refuses, says the app must be stopped, and adds nothing", async () => {
    const db = getDb();
    const [last] = await db.$queryRawUnsafe<Array<Record<string, unknown>>>(
      `SELECT * FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`,
    );
    await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE "id" = ?`, last!.id);
    try {
      const r = await createUser("pending@example.org");
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`has schema changes to apply (${String(last!.migration_name)})`);
      expect(r.stderr).toContain("a schema change needs the app stopped");
      expect(await db.user.count({ where: { email: "pending@example.org" } })).toBe(0);
    } finally {
      const columns = Object.keys(last!);
      await db.$executeRawUnsafe(
        `INSERT INTO "_prisma_migrations" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
        ...columns.map((c) => last![c]),
      );
    }
  }, 60_000);
});

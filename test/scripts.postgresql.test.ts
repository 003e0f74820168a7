// The operator's commands on PostgreSQL, run as the operator runs them (a child process with DATABASE_URL set),
// against databases this file creates on the server TEST_POSTGRES_URL names, whatever database the rest of the run
// uses. vitest.config.mts includes this file only in the PostgreSQL run, so the SQLite run needs no server.
// The test process plays the running app: its Prisma client is connected to the same database.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectDb, getDb } from "@/lib/db/client";
import { MIGRATIONS_DIRS } from "@/lib/db/schema-engine";
import { credentialsLogin } from "./helpers";
import { createDatabase, dropDatabases } from "./support/postgres";
import { runScript, type TScriptRun } from "./support/run-script";

const PREFIX = `sourcing_ops_${process.pid}_`;
const MIGRATIONS = readdirSync(MIGRATIONS_DIRS.postgresql).filter((d) => statSync(path.join(MIGRATIONS_DIRS.postgresql, d)).isDirectory());

type TRun = TScriptRun;

const ok = (r: TRun) => expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });

let url = "";
let dir = "";
const onApp = (script: string, args: string[] = [], env: Record<string, string> = {}) => runScript(script, args, { DATABASE_URL: url, ...env });
const createUser = (email: string) =>
  onApp("scripts/user-create.ts", ["--email", email, "--name", "Live Admin", "--role", "admin", "--team", "Live desk", "--password", "longpassword1"]);

beforeAll(async () => {
  url = await createDatabase(`${PREFIX}app`);
  dir = mkdtempSync(path.join(os.tmpdir(), "credibility-ops-"));
  // From here on this process's app (getDb, the route handlers) works on the same database as the scripts.
  process.env.DATABASE_URL = url;
});

afterAll(async () => {
  await disconnectDb();
  await dropDatabases(PREFIX);
  rmSync(dir, { recursive: true, force: true });
});

describe("operator scripts on PostgreSQL", () => {
  it("db:migrate started twice at once on an empty database (two instances starting): applied once, then nothing to do", async () => {
    const both = await Promise.all([onApp("scripts/db-migrate.ts"), onApp("scripts/db-migrate.ts")]);
    both.forEach(ok);
    expect(both.map((r) => r.stdout.trim().split("\n").pop()).sort()).toEqual([`Applied: ${MIGRATIONS.join(", ")}`, "Database is up to date."]);
    const again = await onApp("scripts/db-migrate.ts");
    ok(again);
    expect(again.stdout).toContain("Database is up to date.");
    const rows = await getDb().$queryRawUnsafe<Array<{ migration_name: string }>>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(MIGRATIONS);
  }, 60_000);

  it("db:seed adds the seed articles and demo users; a second run changes nothing", async () => {
    const first = await onApp("scripts/db-seed.ts");
    ok(first);
    expect(first.stdout).toContain("Seed: 3 articles and 3 users created");
    const second = await onApp("scripts/db-seed.ts");
    ok(second);
    expect(second.stdout).toContain("Seed: 0 articles and 0 users created");
    expect(await getDb().article.count()).toBe(3);
  }, 60_000);

  it("user:create runs while the app is in the middle of a write transaction, and the user can log in at once", async () => {
    const db = getDb();
    const created = await db.$transaction(
      async (tx) => {
        // The app holds row locks on every article while the operator creates a user: nothing waits for them.
        await tx.article.updateMany({ data: { outlet: "Locked by the app" } });
        return createUser("live@example.org");
      },
      { timeout: 60_000 },
    );
    ok(created);
    expect(created.stdout).toContain('Created admin live@example.org in team "Live desk".');
    const login = await credentialsLogin("live@example.org", "longpassword1");
    expect(login.status).toBe(200);
    expect(login.jar.sessionToken).toBeTruthy();
  }, 60_000);

  it("db:backup takes a pg_dump while the app runs; db:restore brings back exactly that", async () => {
    const file = path.join(dir, "app.dump");
    const backup = await onApp("scripts/db-backup.ts", ["--out", file]);
    ok(backup);
    expect(backup.stdout).toContain(`to ${file} (pg_dump custom format`);
    expect(backup.stdout).not.toContain(":app@");

    const db = getDb();
    await db.user.deleteMany({ where: { email: "live@example.org" } });
    await db.article.updateMany({ data: { title: "Changed after the backup" } });
    // The app is stopped for a restore.
    await disconnectDb();
    const restore = await onApp("scripts/db-restore.ts", [file]);
    ok(restore);
    expect(restore.stdout).toContain(`Restored ${file} into postgresql://app@`);
    expect(await getDb().user.count({ where: { email: "live@example.org" } })).toBe(1);
    expect(await getDb().article.count({ where: { title: "Changed after the backup" } })).toBe(0);
    expect(await getDb().article.count()).toBe(3);
  }, 60_000);

  it("db:backup and db:restore say what to install when PostgreSQL's client tools are missing", async () => {
    const noTools = { PATH: dir };
    const backup = await onApp("scripts/db-backup.ts", ["--out", path.join(dir, "never.dump")], noTools);
    expect(backup.code).toBe(1);
    expect(backup.stderr).toContain("pg_dump was not found on PATH");
    expect(backup.stderr).toContain("apt-get install postgresql-client");
    const restore = await onApp("scripts/db-restore.ts", [path.join(dir, "app.dump")], noTools);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain("pg_restore was not found on PATH");
  }, 60_000);

  it("db:reset refuses in production without --force; with it, the app's tables are dropped and built again", async () => {
    const db = getDb();
    await db.$executeRawUnsafe(`CREATE TABLE "LeftOver" (id int)`);
    const refused = await onApp("scripts/db-reset.ts", [], { NODE_ENV: "production" });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Refusing to reset a production database without --force.");
    expect(await db.user.count({ where: { email: "live@example.org" } })).toBe(1);

    await disconnectDb();
    const reset = await onApp("scripts/db-reset.ts", ["--force"], { NODE_ENV: "production" });
    ok(reset);
    expect(reset.stdout).toMatch(/^Reset postgresql:\/\/app@[^ ]+: 3 articles, 0 users\.$/m);
    const tables = await getDb().$queryRawUnsafe<Array<{ name: string }>>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`,
    );
    expect(tables.map((t) => t.name)).not.toContain("LeftOver");
    expect(await getDb().user.count()).toBe(0);
    expect(await getDb().article.count()).toBe(3);
  }, 60_000);

  it("what npm start runs first migrates and seeds a new database; npm run dev's adds the demo accounts", async () => {
    const production = await createDatabase(`${PREFIX}start`);
    const started = await runScript("scripts/prepare.ts", [], { DATABASE_URL: production, NODE_ENV: "production", SEED_DEMO: "" });
    ok(started);
    expect(started.stdout).toMatch(/^• Database: PostgreSQL postgresql:\/\/app@[^ ]+\/sourcing_ops_\d+_start$/m);
    expect(started.stdout).toContain(`• Applied migrations: ${MIGRATIONS.join(", ")}`);
    expect(started.stdout).toContain("• Seeded 3 articles and 0 demo users");

    const development = await createDatabase(`${PREFIX}dev`);
    const dev = await runScript("scripts/prepare.ts", [], { DATABASE_URL: development, NODE_ENV: "development", SEED_DEMO: "" });
    ok(dev);
    expect(dev.stdout).toContain("• Seeded 3 articles and 3 demo users");
    expect(dev.stdout).toContain("ana@example.com");
  }, 60_000);

  it("a database that does not exist fails with how to create it", async () => {
    const missing = new URL(url);
    missing.pathname = `/${PREFIX}missing`;
    const r = await runScript("scripts/db-migrate.ts", [], { DATABASE_URL: missing.toString() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`database "${PREFIX}missing" does not exist`);
    expect(r.stderr).toContain(`createdb -O app ${PREFIX}missing`);
  }, 30_000);
});

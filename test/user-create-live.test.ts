// Scripts that only add rows run while the app has the database open; a schema change is refused with a message
// that says the app must be stopped. The test process plays the running app: its client keeps the file open.
import { spawn } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { credentialsLogin, seedFixtures } from "./helpers";

const ROOT = path.resolve(__dirname, "..");
const TSX = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");

function runScript(script: string, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, script, ...args], { cwd: ROOT, env: { ...process.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

const createUser = (email: string) =>
  runScript("scripts/user-create.ts", ["--email", email, "--name", "Live Admin", "--role", "admin", "--team", "Live desk", "--password", "longpassword1"]);

beforeAll(async () => {
  await seedFixtures();
  // A read leaves the app's connection open on the file, as a running server's is.
  expect(await getDb().user.count()).toBeGreaterThan(0);
});

describe("scripts beside a running app", () => {
  it("user:create adds a user who can log in at once", async () => {
    const r = await createUser("live@example.org");
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(r.stdout).toContain('Created admin live@example.org in team "Live desk".');
    const login = await credentialsLogin("live@example.org", "longpassword1");
    expect(login.status).toBe(200);
    expect(login.jar.sessionToken).toBeTruthy();
  }, 60_000);

  it("db:seed runs and leaves existing rows as they were", async () => {
    const before = await getDb().article.count();
    const r = await runScript("scripts/db-seed.ts");
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(r.stdout).toContain("Seed: 0 articles");
    expect(await getDb().article.count()).toBe(before);
  }, 60_000);

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

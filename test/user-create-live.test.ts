// Scripts that only add rows run while the app has the database open (a schema change on SQLite:
// schema-change-lock.test.ts). The test process plays the running app: its client keeps the database open.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { credentialsLogin, seedFixtures } from "./helpers";
import { createUser, runScript } from "./support/run-script";

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
});

// npm run user:create -- --email E --name N --role admin|reviewer|annotator --team "Team name" [--password P]
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { loadProjectEnv } from "./env";
import { runMain } from "./lib/database";

// Only adds rows, so it runs while the app serves, on either database. A pending migration is applied first: on
// SQLite that needs the app stopped, and migrateDatabase says so and changes nothing.
runMain(async () => {
  loadProjectEnv();
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      team: { type: "string" },
      password: { type: "string" },
    },
  });
  if (!values.email || !values.name || !values.role || !values.team) {
    throw new Error('Usage: npm run user:create -- --email E --name N --role admin|reviewer|annotator --team "Team" [--password P]');
  }
  let password = values.password;
  let generated = false;
  if (!password && process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = (await rl.question("Password (empty to generate one): ")).trim();
    rl.close();
  }
  if (!password) {
    password = randomBytes(12).toString("base64url");
    generated = true;
  }
  const { readEnv } = await import("../lib/env");
  const { migrateDatabase } = await import("../lib/db/migrations");
  const applied = await migrateDatabase(readEnv().DATABASE_URL);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const { getDb } = await import("../lib/db/client");
  const { createUserInTeam } = await import("../lib/users/create-user");
  const { ZNewUser } = await import("../lib/users/schemas");
  const input = ZNewUser.safeParse({ email: values.email, name: values.name, role: values.role, password });
  if (!input.success) {
    throw new Error(input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  }
  const db = getDb();
  const team = await db.team.upsert({ where: { name: values.team }, update: {}, create: { name: values.team } });
  const user = await createUserInTeam(db, team.id, input.data, null);
  console.log(`Created ${user.role} ${user.email} in team "${team.name}".`);
  if (generated) console.log(`Generated password: ${password}`);
  await db.$disconnect();
});

// What one team can learn about another through error answers: an audit cursor and an email address.
import { beforeAll, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/audit/route";
import * as usersRoute from "@/app/api/team/users/route";
import { getDb } from "@/lib/db/client";
import { call, makeRequest, seedFixtures, type TestUser } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let ourEventId: string;

const newUser = (email: string) => ({ email, name: "New Person", role: "annotator", password: "a-long-password-1" });

/** The exact answer, status line and body bytes, of a real route. */
async function answer(handler: typeof auditRoute.GET, method: string, path: string, user: TestUser, body?: unknown) {
  const res = await handler(await makeRequest(method, path, { user, body }), { params: Promise.resolve({}) });
  return `${res.status} ${res.headers.get("content-type")}\n${await res.text()}`;
}

beforeAll(async () => {
  fx = await seedFixtures();
  // The other team's log gets events older than the one whose id it will try as a cursor: Prisma would page from
  // that event's time (skipping one row as the cursor row), so these would show through.
  for (const email of ["early@other.example", "earlier@other.example"]) {
    expect((await call(usersRoute.POST, "POST", "/api/team/users", {}, { user: fx.users.olga, body: newUser(email) })).status).toBe(201);
  }
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect((await call(usersRoute.POST, "POST", "/api/team/users", {}, { user: fx.users.admin, body: newUser("first@example.com") })).status).toBe(201);
  const created = await call(usersRoute.POST, "POST", "/api/team/users", {}, { user: fx.users.admin, body: newUser("later@example.com") });
  expect(created.status).toBe(201);
  ourEventId = (await getDb().auditEvent.findFirstOrThrow({ where: { entityId: created.json.id, action: "user.create" } })).id;
});

describe("audit cursor", () => {
  it("answers another team's event id exactly as an id that does not exist", async () => {
    const foreign = await answer(auditRoute.GET, "GET", `/api/audit?cursor=${ourEventId}`, fx.users.olga);
    const unknown = await answer(auditRoute.GET, "GET", "/api/audit?cursor=cmnotaneventid0000000000", fx.users.olga);
    const fromTheTop = await answer(auditRoute.GET, "GET", "/api/audit", fx.users.olga);
    expect(foreign).toBe(unknown);
    expect(foreign).toBe(fromTheTop);
    expect(foreign.startsWith("200 ")).toBe(true);
    expect(foreign).not.toContain(ourEventId);
  });

  it("still pages the team's own log with its own cursors", async () => {
    const first = await call(auditRoute.GET, "GET", "/api/audit?limit=1", {}, { user: fx.users.admin });
    expect(first.status).toBe(200);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await call(auditRoute.GET, "GET", `/api/audit?limit=1&cursor=${first.json.nextCursor}`, {}, { user: fx.users.admin });
    expect(second.status).toBe(200);
    expect(second.json.events).toHaveLength(1);
    expect(second.json.events[0].id).not.toBe(first.json.events[0].id);
  });
});

describe("adding a user whose email is taken", () => {
  it("answers byte for byte the same whether the address is in the admin's team or another, and writes nothing", async () => {
    const users = await getDb().user.count();
    const audit = await getDb().auditEvent.count();
    const sameTeam = await answer(usersRoute.POST, "POST", "/api/team/users", fx.users.admin, newUser(fx.users.ana.email));
    const otherTeam = await answer(usersRoute.POST, "POST", "/api/team/users", fx.users.admin, newUser(fx.users.olga.email));
    const otherTeamCased = await answer(usersRoute.POST, "POST", "/api/team/users", fx.users.admin, newUser(" OLGA@Other.Example "));
    expect(otherTeam).toBe(sameTeam);
    expect(otherTeamCased).toBe(sameTeam);
    expect(sameTeam).toBe(
      '409 application/json\n{"error":{"code":"EMAIL_TAKEN","message":"A user with that email already exists.","field":"email"}}',
    );
    expect(await getDb().user.count()).toBe(users);
    expect(await getDb().auditEvent.count()).toBe(audit);
  });
});

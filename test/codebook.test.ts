import { beforeAll, describe, expect, it } from "vitest";
import * as entryRoute from "@/app/api/codebook/[tag]/route";
import * as codebookRoute from "@/app/api/codebook/route";
import { DEFAULT_CODEBOOK, type TCodebookEntry } from "@/lib/annotations/codebook";
import { TAGS } from "@/lib/annotations/tags";
import { entryKey, entryWhere } from "@/lib/codebook/stored-entry";
import { getDb } from "@/lib/db/client";
import { call, seedFixtures, type TestUser } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  fx = await seedFixtures();
});

const read = async (user: TestUser) => {
  const r = await call(codebookRoute.GET, "GET", "/api/codebook", {}, { user });
  expect(r.status).toBe(200);
  return r.json.entries as Array<TCodebookEntry & { tag: string; isDefault: boolean; updatedAt: string | null; updatedBy: { id: string; name: string } | null }>;
};
const entryOf = async (user: TestUser, tag: string) => (await read(user)).find((e) => e.tag === tag)!;
const put = (user: TestUser, tag: string, body: unknown) => call(entryRoute.PUT, "PUT", `/api/codebook/${tag}`, { tag }, { user, body });
const reset = (user: TestUser, tag: string) => call(entryRoute.DELETE, "DELETE", `/api/codebook/${tag}`, { tag }, { user });

/** Everything a refused write must leave as it was. */
async function stored() {
  const db = getDb();
  return JSON.stringify({
    entries: await db.codebookEntry.findMany({ orderBy: [{ teamId: "asc" }, { tag: "asc" }] }),
    audit: await db.auditEvent.count({ where: { entityType: "CodebookEntry" } }),
  });
}

const OPINION: TCodebookEntry = {
  ...DEFAULT_CODEBOOK.opinion,
  definition: "Our desk: the writer's own judgement, with nobody named for it.",
  moreExamples: [{ quote: "The plan is a disgrace" }, { quote: "Surely the minister must go", why: "a demand" }],
  notThis: ["A columnist's byline alone."],
};

describe("the codebook", () => {
  it("starts as the built-in wording for every tag, in the tags' order, readable by every member", async () => {
    for (const user of [fx.users.admin, fx.users.ben, fx.users.cara]) {
      const entries = await read(user);
      expect(entries.map((e) => e.tag)).toEqual([...TAGS]);
      for (const e of entries) {
        expect(e).toEqual({ tag: e.tag, ...DEFAULT_CODEBOOK[e.tag as keyof typeof DEFAULT_CODEBOOK], isDefault: true, updatedAt: null, updatedBy: null });
      }
    }
    const anonymous = await call(codebookRoute.GET, "GET", "/api/codebook", {});
    expect(anonymous.status).toBe(401);
  });

  it("an admin's edit is what a reviewer then reads, with who and when; the other team keeps the built-in text", async () => {
    const before = Date.now();
    const saved = await put(fx.users.admin, "opinion", { ...OPINION, definition: `  ${OPINION.definition}  ` });
    expect(saved.status).toBe(200);
    // Trimmed on the way in.
    expect(saved.json).toMatchObject({ tag: "opinion", ...OPINION, isDefault: false, updatedBy: { id: fx.users.admin.id, name: "Alex Admin" } });
    expect(Date.parse(saved.json.updatedAt)).toBeGreaterThanOrEqual(before - 1000);

    const seen = await entryOf(fx.users.ben, "opinion");
    expect(seen).toEqual(saved.json);
    expect((await entryOf(fx.users.ben, "anonymous-source")).isDefault).toBe(true);

    for (const e of await read(fx.users.olga)) expect(e.isDefault).toBe(true);
    expect((await entryOf(fx.users.olga, "opinion")).definition).toBe(DEFAULT_CODEBOOK.opinion.definition);
  });

  it("a second edit replaces the first, and each is audited with the wording before and after", async () => {
    const first = await put(fx.users.admin, "official-statement", { ...DEFAULT_CODEBOOK["official-statement"], example: "“The ministry said on Monday …”" });
    expect(first.status).toBe(200);
    const second = await put(fx.users.admin, "official-statement", { ...DEFAULT_CODEBOOK["official-statement"], example: "“The mayor told reporters …”" });
    expect(second.status).toBe(200);
    expect((await entryOf(fx.users.ana, "official-statement")).example).toBe("“The mayor told reporters …”");

    const events = await getDb().auditEvent.findMany({
      where: { teamId: fx.teamId, action: "codebook.update", entityId: "official-statement" },
      orderBy: { createdAt: "asc" },
    });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorId: fx.users.admin.id, entityType: "CodebookEntry" });
    expect(JSON.parse(events[0]!.before!)).toEqual({ ...DEFAULT_CODEBOOK["official-statement"], isDefault: true });
    expect(JSON.parse(events[0]!.after!).example).toBe("“The ministry said on Monday …”");
    expect(JSON.parse(events[1]!.before!)).toMatchObject({ example: "“The ministry said on Monday …”", isDefault: false });
    expect(JSON.parse(events[1]!.after!).example).toBe("“The mayor told reporters …”");
  });

  it("refuses reviewers and annotators (403) and changes nothing, whatever the tag", async () => {
    await put(fx.users.admin, "opinion", OPINION);
    const before = await stored();
    for (const user of [fx.users.ben, fx.users.cara]) {
      for (const tag of ["opinion", "anonymous-source", "gossip"]) {
        const r = await put(user, tag, { ...DEFAULT_CODEBOOK.opinion, definition: "Taken over." });
        expect(r.status).toBe(403);
        expect(r.json.error).toMatchObject({ code: "FORBIDDEN", message: "Only admins can edit the codebook." });
        const d = await reset(user, tag);
        expect(d.status).toBe(403);
      }
    }
    expect(await stored()).toBe(before);
    expect((await entryOf(fx.users.ben, "opinion")).definition).toBe(OPINION.definition);
  });

  it("answers a bad body with 400 naming the field, and changes nothing", async () => {
    await put(fx.users.admin, "opinion", OPINION);
    const before = await stored();
    const bad: Array<[unknown, string]> = [
      [{ ...OPINION, definition: "   " }, "definition"],
      [{ ...OPINION, definition: "x".repeat(301) }, "definition"],
      [{ ...OPINION, example: undefined }, "example"],
      [{ ...OPINION, span: 12 }, "span"],
      [{ ...OPINION, moreExamples: [{ quote: "fine" }, { quote: "", why: "empty quote" }] }, "moreExamples.1.quote"],
      [{ ...OPINION, moreExamples: [{ quote: "fine", why: "y".repeat(301) }] }, "moreExamples.0.why"],
      [{ ...OPINION, moreExamples: Array.from({ length: 11 }, (_, i) => ({ quote: `q${i}` })) }, "moreExamples"],
      [{ ...OPINION, notThis: ["ok", ""] }, "notThis.1"],
      [{ ...OPINION, notThis: "not a list" }, "notThis"],
    ];
    for (const [body, field] of bad) {
      const r = await put(fx.users.admin, "opinion", body);
      expect({ field, status: r.status }).toEqual({ field, status: 400 });
      expect(r.json.error).toMatchObject({ code: "INVALID_INPUT", field });
    }
    const notJson = await call(entryRoute.PUT, "PUT", "/api/codebook/opinion", { tag: "opinion" }, {
      user: fx.users.admin,
      rawBody: "{definition:",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status).toBe(400);
    expect(await stored()).toBe(before);
  });

  it("answers an unknown tag with 404 naming the tags, and changes nothing", async () => {
    const before = await stored();
    const r = await put(fx.users.admin, "gossip", DEFAULT_CODEBOOK.opinion);
    expect(r.status).toBe(404);
    expect(r.json.error).toMatchObject({ code: "NOT_FOUND", field: "tag" });
    expect(r.json.error.message).toContain("anonymous-source, official-statement, opinion");
    expect((await reset(fx.users.admin, "gossip")).status).toBe(404);
    expect(await stored()).toBe(before);
  });

  it("reset gives back the built-in wording, is audited, and leaves the other tags and team alone", async () => {
    await put(fx.users.admin, "opinion", OPINION);
    await put(fx.users.admin, "anonymous-source", { ...DEFAULT_CODEBOOK["anonymous-source"], definition: "Nobody the reader can identify." });
    await put(fx.users.olga, "opinion", { ...DEFAULT_CODEBOOK.opinion, definition: "The other desk's opinion." });

    const r = await reset(fx.users.admin, "opinion");
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ tag: "opinion", ...DEFAULT_CODEBOOK.opinion, isDefault: true, updatedAt: null, updatedBy: null });
    expect(await entryOf(fx.users.ben, "opinion")).toEqual(r.json);
    expect((await entryOf(fx.users.ben, "anonymous-source")).definition).toBe("Nobody the reader can identify.");
    expect((await entryOf(fx.users.olga, "opinion")).definition).toBe("The other desk's opinion.");

    const event = await getDb().auditEvent.findFirstOrThrow({ where: { teamId: fx.teamId, action: "codebook.reset", entityId: "opinion" } });
    expect(event.actorId).toBe(fx.users.admin.id);
    expect(JSON.parse(event.before!)).toMatchObject({ definition: OPINION.definition, isDefault: false });
    expect(JSON.parse(event.after!)).toEqual(DEFAULT_CODEBOOK.opinion);

    // Already the built-in wording: nothing to record.
    const again = await reset(fx.users.admin, "opinion");
    expect(again.status).toBe(200);
    expect(await getDb().auditEvent.count({ where: { teamId: fx.teamId, action: "codebook.reset", entityId: "opinion" } })).toBe(1);
  });

  it("a stored entry that no longer passes the schema reads as the built-in wording, and the others still load", async () => {
    const db = getDb();
    await put(fx.users.admin, "anonymous-source", { ...DEFAULT_CODEBOOK["anonymous-source"], definition: "Still ours." });
    await db.codebookEntry.upsert({
      where: entryKey(fx.teamId, "official-statement"),
      create: { ...entryWhere(fx.teamId, "official-statement"), definition: "", span: "s", example: "e", moreExamples: "not json", notThis: "[]" },
      update: { definition: "", moreExamples: "not json" },
    });
    const entries = await read(fx.users.ben);
    expect(entries.find((e) => e.tag === "official-statement")).toMatchObject({ ...DEFAULT_CODEBOOK["official-statement"], isDefault: true });
    expect(entries.find((e) => e.tag === "anonymous-source")).toMatchObject({ definition: "Still ours.", isDefault: false });
    // An admin can put it right by saving or by resetting it.
    expect((await reset(fx.users.admin, "official-statement")).status).toBe(200);
    expect(await db.codebookEntry.count({ where: entryWhere(fx.teamId, "official-statement") })).toBe(0);
  });
});

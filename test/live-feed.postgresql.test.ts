// PostgreSQL's change feed across app instances: each instance listens on a connection of its own, hears what any
// other announces, and after losing that connection reconnects and tells its subscribers to resync.
import { afterAll, describe, expect, it } from "vitest";
import type { TFeedSignal } from "@/lib/db/change-feed";
import { CHANGE_CHANNEL, LISTENER_APPLICATION_NAME, PostgresFeed } from "@/lib/db/postgres-feed";
import { withPostgres } from "@/test/support/postgres";

const url = process.env.DATABASE_URL!;
const feeds: PostgresFeed[] = [];

afterAll(async () => {
  for (const feed of feeds) await feed.close();
});

/** A feed as one app instance has it, recording what its subscriber hears. */
async function instance() {
  const feed = new PostgresFeed(url);
  feeds.push(feed);
  const heard: TFeedSignal[] = [];
  await feed.subscribe((s) => heard.push(s));
  return { feed, heard };
}

const listenerPids = () =>
  withPostgres(url, async (c) =>
    (
      await c.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database() AND state IS NOT NULL`,
        [LISTENER_APPLICATION_NAME],
      )
    ).rows.map((r) => r.pid),
  );

describe("the PostgreSQL change feed", () => {
  it("two instances' listeners both hear a NOTIFY sent through a third connection", async () => {
    expect(url).toMatch(/^postgres/);
    const one = await instance();
    const two = await instance();
    const message = { teamId: "team-1", kind: "annotation", articleId: "article-1", annotationId: "annotation-1" };
    await withPostgres(url, (c) => c.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, JSON.stringify(message)]));
    for (const { heard } of [one, two]) {
      await expect.poll(() => heard, { timeout: 5000 }).toEqual([{ type: "change", message }]);
    }
    expect((await listenerPids()).length).toBeGreaterThanOrEqual(2);
  });

  it("what one instance publishes reaches the other", async () => {
    const one = await instance();
    const two = await instance();
    await one.feed.publish({ teamId: "team-2", kind: "notification", userIds: ["user-1"] });
    const expected = { type: "change", message: { teamId: "team-2", kind: "notification", userIds: ["user-1"] } };
    await expect.poll(() => two.heard, { timeout: 5000 }).toEqual([expected]);
    await expect.poll(() => one.heard, { timeout: 5000 }).toEqual([expected]);
  });

  it("ignores payloads on the channel that are not announcements", async () => {
    const one = await instance();
    await withPostgres(url, async (c) => {
      await c.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, "not json"]);
      await c.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, JSON.stringify({ kind: "annotation" })]);
      await c.query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, JSON.stringify({ teamId: "t", kind: "review" })]);
    });
    await expect.poll(() => one.heard, { timeout: 5000 }).toEqual([{ type: "change", message: { teamId: "t", kind: "review" } }]);
  });

  it("a dropped listening connection comes back, and its subscribers are told to resync", async () => {
    const one = await instance();
    const pids = await listenerPids();
    expect(pids.length).toBeGreaterThan(0);
    await withPostgres(url, (c) => c.query("SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid", [pids]));
    await expect.poll(() => one.heard, { timeout: 10_000 }).toEqual([{ type: "resync" }]);
    const after = await listenerPids();
    expect(after.some((pid) => !pids.includes(pid))).toBe(true);
    // Listening again: a change announced now is heard.
    await one.feed.publish({ teamId: "team-3", kind: "annotation" });
    await expect.poll(() => one.heard, { timeout: 5000 }).toEqual([{ type: "resync" }, { type: "change", message: { teamId: "team-3", kind: "annotation" } }]);
  });

  it("a publish that cannot reach the database is logged, never thrown", async () => {
    const feed = new PostgresFeed(url);
    feeds.push(feed);
    const tooLong = { teamId: "t", kind: "annotation", articleId: "x".repeat(9000) };
    await expect(feed.publish(tooLong)).resolves.toBeUndefined();
  });
});


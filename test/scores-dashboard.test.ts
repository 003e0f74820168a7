// The /scores dashboard at scale: group scores are added up by the database (GROUP BY) and must give exactly
// what metrics.md defines (mean over the articles that have a score), and the page shows a bounded number of
// stories however many the team has.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { StoryScores } from "@/app/(app)/scores/story-scores";
import { STORY_PAGE_SIZE, STORY_PICKER_SIZE, storyPickerOptions, storyTablePage, ZStoryTableQuery, type TStoryGroup } from "@/app/(app)/scores/story-table";
import { dashboardHref, parseDashboardQuery } from "@/app/(app)/scores/query";
import * as scoresRoute from "@/app/api/scores/route";
import type { TSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db/client";
import { findGroupScores } from "@/lib/scoring/find-group-scores";
import { findScoreTable, ZScoreTableQuery } from "@/lib/scoring/find-score-table";
import { groupScores } from "@/lib/scoring/score";
import { call, seedFixtures, sessionUserOf, type TestUser } from "./helpers";

let desk: TSessionUser;
let deskUser: TestUser;
let storyA: string;
let storyB: string;
let fx: Awaited<ReturnType<typeof seedFixtures>>;

// [outlet, story, score, official, anonymous, opinion]
type TRow = [string | null, "A" | "B" | null, number | null, number, number, number];
const ROWS: TRow[] = [
  ["Wire", "A", 40, 2, 3, 1],
  ["Wire", "A", null, 0, 0, 0],
  ["Wire", "B", 70, 1, 0, 0],
  ["Wire", null, 100 / 3, 0, 1, 0],
  ["Daily", "B", null, 0, 0, 0],
  ["Daily", null, null, 0, 0, 0],
  [null, "A", 50, 0, 0, 0],
  [null, null, 20, 0, 0, 0],
  // A real outlet with the name the API uses for articles without one: both are the same group.
  ["Unknown outlet", "B", 60, 1, 1, 1],
];

beforeAll(async () => {
  fx = await seedFixtures();
  const db = getDb();
  const team = await db.team.create({ data: { name: "Dashboard desk" } });
  const user = await db.user.create({
    data: { email: "dash@desk.example", name: "Dash", role: "admin", passwordHash: "x", teamId: team.id },
  });
  deskUser = { id: user.id, email: user.email, role: user.role, teamId: team.id };
  desk = await sessionUserOf(deskUser);
  storyA = (await db.story.create({ data: { teamId: team.id, title: "Alpha story" } })).id;
  storyB = (await db.story.create({ data: { teamId: team.id, title: "Beta story" } })).id;
  await db.story.create({ data: { teamId: team.id, title: "Story without articles" } });
  for (const [i, [outlet, story, score, official, anonymous, opinion]] of ROWS.entries()) {
    await db.article.create({
      data: {
        teamId: team.id,
        title: `Article ${i}`,
        body: "text",
        bodyHash: `dash-${i}`,
        bodyLength: 4,
        outlet,
        storyId: story === "A" ? storyA : story === "B" ? storyB : null,
        score,
        annotationCount: score === null ? 0 : 1,
        consensusOfficial: official,
        consensusAnonymous: anonymous,
        consensusOpinion: opinion,
      },
    });
  }
});

const counts = (official: number, anonymous: number, opinion: number) => ({
  "anonymous-source": anonymous,
  "official-statement": official,
  opinion,
});

/** The definition, article by article (what findGroupScores did before it used GROUP BY). */
async function reference(user: TSessionUser, groupBy: "outlet" | "story") {
  const articles = await getDb().article.findMany({ where: { teamId: user.teamId }, include: { story: true } });
  return groupScores(
    articles.map((a) => ({
      key: groupBy === "outlet" ? (a.outlet ?? "Unknown outlet") : (a.storyId ?? "none"),
      score: a.score,
      counts: counts(a.consensusOfficial, a.consensusAnonymous, a.consensusOpinion),
    })),
  );
}

describe("group scores from GROUP BY", () => {
  it("by outlet: mean over scored articles only, null outlet and 'Unknown outlet' combined, hand-computed", async () => {
    const groups = await findGroupScores(desk, "outlet");
    expect(groups).toEqual([
      { key: "Daily", articles: 0, totalArticles: 2, score: null, counts: counts(0, 0, 0) },
      // (50 + 20 + 60) / 3 over the articles, not the mean of the two SQL groups' means ((35 + 60) / 2).
      { key: "Unknown outlet", articles: 3, totalArticles: 3, score: expect.closeTo(130 / 3, 12), counts: counts(1, 1, 1) },
      // (40 + 70 + 100/3) / 3, the unscored article left out of the mean but counted in totalArticles.
      { key: "Wire", articles: 3, totalArticles: 4, score: expect.closeTo((110 + 100 / 3) / 3, 12), counts: counts(3, 4, 1) },
    ]);
    // Same JSON keys, in the same order, as the API always returned.
    expect(Object.keys(groups[0]!)).toEqual(["key", "articles", "totalArticles", "score", "counts"]);
  });

  it("by story: labels, 'No story', and the same figures as the per-article definition", async () => {
    const groups = await findGroupScores(desk, "story");
    const byKey = new Map(groups.map((g) => [g.key, g]));
    expect(byKey.get(storyA)).toEqual({ key: storyA, label: "Alpha story", articles: 2, totalArticles: 3, score: 45, counts: counts(2, 3, 1) });
    expect(byKey.get(storyB)).toEqual({ key: storyB, label: "Beta story", articles: 2, totalArticles: 3, score: 65, counts: counts(2, 1, 1) });
    expect(byKey.get("none")).toEqual({ key: "none", label: "No story", articles: 2, totalArticles: 3, score: expect.closeTo((100 / 3 + 20) / 2, 12), counts: counts(0, 1, 0) });
    expect(groups).toHaveLength(3); // a story without articles has no group
    expect(Object.keys(groups[0]!)).toEqual(["key", "label", "articles", "totalArticles", "score", "counts"]);
    for (const groupBy of ["outlet", "story"] as const) {
      const expected = await reference(desk, groupBy);
      const actual = await findGroupScores(desk, groupBy);
      expect(actual.map((g) => g.key)).toEqual(expected.map((g) => g.key));
      for (const [i, g] of actual.entries()) {
        const e = expected[i]!;
        expect({ ...g, score: null, label: undefined }).toEqual({ key: e.key, articles: e.scoredArticles, totalArticles: e.articles, score: null, counts: e.counts, label: undefined });
        if (e.score === null) expect(g.score).toBeNull();
        else expect(g.score).toBeCloseTo(e.score, 10);
      }
    }
  });

  it("the seeded demo team gives the same figures as the per-article definition", async () => {
    const ana = await sessionUserOf(fx.users.ana);
    for (const groupBy of ["outlet", "story"] as const) {
      const expected = await reference(ana, groupBy);
      const actual = await findGroupScores(ana, groupBy);
      expect(actual.map((g) => [g.key, g.articles, g.totalArticles, g.counts])).toEqual(expected.map((g) => [g.key, g.scoredArticles, g.articles, g.counts]));
    }
  });

  it("GET /api/scores keeps its shape and stays within the team", async () => {
    const r = await call(scoresRoute.GET, "GET", "/api/scores?groupBy=story", {}, { user: deskUser });
    expect(r.status).toBe(200);
    expect(r.json.groups.map((g: { label: string }) => g.label).sort()).toEqual(["Alpha story", "Beta story", "No story"]);
    const other = await call(scoresRoute.GET, "GET", "/api/scores?groupBy=outlet", {}, { user: fx.users.ana });
    expect(other.json.groups.map((g: { key: string }) => g.key)).not.toContain("Wire");
  });

  it("a team without articles has no groups", async () => {
    const team = await getDb().team.create({ data: { name: "Empty desk" } });
    const u = await getDb().user.create({ data: { email: "empty@desk.example", name: "E", role: "admin", passwordHash: "x", teamId: team.id } });
    const empty = await sessionUserOf({ id: u.id, email: u.email, role: u.role, teamId: team.id });
    expect(await findGroupScores(empty, "outlet")).toEqual([]);
    expect(await findGroupScores(empty, "story")).toEqual([]);
  });
});

describe("score table", () => {
  it("lists the team's outlets (not the null one) and the selected story, not every story", async () => {
    const all = await findScoreTable(desk, ZScoreTableQuery.parse({}));
    expect(all.outlets).toEqual(["Daily", "Unknown outlet", "Wire"]);
    expect(all.selectedStory).toBeNull();
    expect(all).not.toHaveProperty("stories");
    const filtered = await findScoreTable(desk, ZScoreTableQuery.parse({ story: storyB }));
    expect(filtered.selectedStory).toEqual({ id: storyB, title: "Beta story" });
    expect(filtered.total).toBe(3);
    // Another team's story id selects nothing and names nothing.
    const foreign = await findScoreTable(desk, ZScoreTableQuery.parse({ story: fx.storyId }));
    expect(foreign.selectedStory).toBeNull();
    expect(foreign.total).toBe(0);
  });
});

// 1,000 stories, as in the benchmark database, plus the articles without a story.
const many: TStoryGroup[] = [
  ...Array.from({ length: 1000 }, (_, i) => ({
    key: `s${String(i).padStart(4, "0")}`,
    label: i === 7 ? "Café crisis" : `Story ${i}`,
    articles: i % 5,
    totalArticles: (i * 37) % 23,
    score: i % 10 === 0 ? null : (i * 13) % 100,
    counts: counts(0, 0, 0),
  })),
  { key: "none", label: "No story", articles: 10, totalArticles: 40, score: 50, counts: counts(0, 0, 0) },
];
const storyQ = (raw: Record<string, string>) => ZStoryTableQuery.parse(raw);

describe("the dashboard's story card and story picker are bounded", () => {
  it("pages 1,001 groups 20 at a time, largest first by default", () => {
    const t = storyTablePage(many, storyQ({}));
    expect(t.rows).toHaveLength(STORY_PAGE_SIZE);
    expect(t).toMatchObject({ matching: 1001, stories: 1000, page: 1, pages: 51, first: 1, sort: "articles", dir: "desc" });
    expect(t.rows[0]!.key).toBe("none"); // 40 articles
    const sizes = t.rows.map((r) => r.totalArticles);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const last = storyTablePage(many, storyQ({ storyPage: "51" }));
    expect(last.rows).toHaveLength(1);
    expect(storyTablePage(many, storyQ({ storyPage: "999" })).page).toBe(51); // clamped
  });

  it("sorts by score with unscored stories last in both directions, and by title", () => {
    for (const dir of ["asc", "desc"] as const) {
      const rows = Array.from({ length: 51 }, (_, p) => storyTablePage(many, storyQ({ storySort: "score", storyDir: dir, storyPage: String(p + 1) })).rows).flat();
      const scores = rows.map((r) => r.score);
      const firstNull = scores.indexOf(null);
      expect(scores.slice(firstNull).every((s) => s === null)).toBe(true);
      const scored = scores.slice(0, firstNull) as number[];
      expect(scored).toEqual([...scored].sort((a, b) => (dir === "asc" ? a - b : b - a)));
    }
    const byTitle = storyTablePage(many, storyQ({ storySort: "title" }));
    expect(byTitle.rows.slice(0, 3).map((r) => r.label)).toEqual(["Café crisis", "Story 0", "Story 1"]);
  });

  it("searches titles ignoring case and accents; 'No story' is not a title", () => {
    expect(storyTablePage(many, storyQ({ storyQ: "CAFE" })).rows.map((r) => r.key)).toEqual(["s0007"]);
    const t = storyTablePage(many, storyQ({ storyQ: "story 99" }));
    expect(t.matching).toBe(11); // Story 99, 990-999
    expect(t.rows.every((r) => r.key !== "none")).toBe(true);
    expect(storyTablePage(many, storyQ({ storyQ: "no story" })).matching).toBe(0);
  });

  it("renders 20 story rows and a pager, not 1,000", () => {
    const q = parseDashboardQuery({ storyPage: "2" });
    const html = renderToStaticMarkup(createElement(StoryScores, { q, groups: many }));
    const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
    expect(body.match(/<tr/g)).toHaveLength(STORY_PAGE_SIZE);
    expect(html).toContain("21–40 of 1,001");
    expect(html).toContain('aria-label="Story pages"');
    expect(html).toContain(`href="${dashboardHref(q, { storyPage: 3 }).replace(/&/g, "&amp;")}"`);
    expect(html).toContain(`href="${dashboardHref(q, { storyPage: 1 }).replace(/&/g, "&amp;")}"`);
    expect(html.length).toBeLessThan(20_000);
    const none = renderToStaticMarkup(createElement(StoryScores, { q: parseDashboardQuery({ storyQ: "zzz" }), groups: many }));
    expect(none).toContain("No story title contains “zzz”.");
  });

  it("the story picker offers the 20 largest stories and keeps the selected one", () => {
    const picker = storyPickerOptions(many, { id: "s0001", title: "Story 1" });
    expect(picker.top).toHaveLength(STORY_PICKER_SIZE);
    expect(picker.total).toBe(1000);
    expect(picker.top.some((s) => s.id === "none")).toBe(false);
    expect(picker.selected).toEqual({ id: "s0001", title: "Story 1" }); // 37 % 23 = 14 articles: not in the top 20
    const topId = picker.top[0]!.id;
    expect(storyPickerOptions(many, { id: topId, title: "x" }).selected).toBeNull(); // already listed
  });

  it("keeps the rest of the dashboard's state in its links and leaves defaults out", () => {
    const q = parseDashboardQuery({ sort: "date", dir: "asc", outlet: "Wire", page: "3", storyQ: "gaza", storySort: "score" });
    expect(dashboardHref(q, { storyPage: 2 })).toBe("/scores?sort=date&dir=asc&outlet=Wire&page=3&storyQ=gaza&storySort=score&storyPage=2");
    expect(dashboardHref(parseDashboardQuery({}))).toBe("/scores?sort=score&dir=desc");
    expect(parseDashboardQuery({ storySort: "nonsense", storyPage: "-4", storyQ: ["a", "b"] })).toMatchObject({ storySort: "articles", storyPage: 1, storyQ: "a" });
  });
});

// Search at scale: one team with 2,000 articles and 1,000,000 annotations (quotes cut from the articles, short
// notes), then the search route's own query timed for common, rare, prefix and filtered searches.
//
//   npx tsx scripts/bench/search.ts [--db sqlite|postgresql] [--annotations N]
//
// PostgreSQL: a new database on TEST_POSTGRES_URL's server (default postgresql://app:app@127.0.0.1:5432/app),
// dropped at the end. Prints the median and p90 of 25 runs of each search.
import { randomBytes } from "node:crypto";
import { Prng } from "./prng";
import { benchArg, withScratchTeam } from "./scratch-team";
import { median, percentile, round } from "./util";

const ARTICLES = 2_000;
const RUNS = 25;
const WORDS = (
  "officials said the report according to people familiar with matter ministry statement tuesday port strike union analysts " +
  "government spokesperson declined comment talks agreement border election court ruling judge hospital vaccine market shares"
).split(" ");

function sentence(rng: Prng): string {
  return Array.from({ length: 12 + rng.int(0, 12) }, () => WORDS[rng.int(0, WORDS.length - 1)]).join(" ") + ".";
}

async function main() {
  const kind = benchArg("--db") ?? "sqlite";
  const total = Number(benchArg("--annotations") ?? 1_000_000);
  await withScratchTeam("search", async (session) => {
    const { getDb } = await import("../../lib/db/client");
    const { search } = await import("../../lib/search/search");
    const db = getDb();
    const team = { id: session.teamId };
    const user = { id: session.id };
    const rng = new Prng("search");
    const started = performance.now();
    const perArticle = Math.ceil(total / ARTICLES);
    let made = 0;
    for (let a = 0; a < ARTICLES && made < total; a++) {
      const body = Array.from({ length: 25 }, () => sentence(rng)).join(" ") + (a === 7 ? " A zanzibarian trade envoy spoke." : "");
      const article = await db.article.create({
        data: { teamId: team.id, title: `Bench article ${a}`, outlet: `Outlet ${a % 20}`, body, bodyHash: randomBytes(16).toString("hex"), bodyLength: body.length },
      });
      const rows = [];
      const seen = new Set<string>();
      while (rows.length < Math.min(perArticle, total - made)) {
        const start = rng.int(0, body.length - 120);
        const end = start + 20 + rng.int(0, 90);
        const tag = (["anonymous_source", "official_statement", "opinion"] as const)[rng.int(0, 2)]!;
        if (seen.has(`${start} ${end} ${tag}`)) continue;
        seen.add(`${start} ${end} ${tag}`);
        rows.push({ articleId: article.id, authorId: user.id, start, end, tag, quote: body.slice(start, end), prefix: "", suffix: "", note: rng.int(0, 9) === 0 ? `check ${WORDS[rng.int(0, WORDS.length - 1)]}` : "" });
      }
      await db.annotation.createMany({ data: rows });
      made += rows.length;
    }
    console.log(`${kind}: ${ARTICLES} articles, ${made.toLocaleString("en-US")} annotations made in ${round((performance.now() - started) / 1000, 0)} s`);
    const queries: [string, Parameters<typeof search>[1]][] = [
      ["a common word", { q: "officials" }],
      ["two common words", { q: "familiar matter" }],
      ["a prefix", { q: "spokesp" }],
      ["a rare word (one article)", { q: "zanzibarian" }],
      ["a common word, one tag, accepted only", { q: "court", tag: "opinion", status: "accepted" }],
      ["a common word, one outlet", { q: "vaccine", outlet: "Outlet 3" }],
    ];
    for (const [label, query] of queries) {
      const times: number[] = [];
      let results = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        results = (await search(session, query)).results.length;
        times.push(performance.now() - t0);
      }
      console.log(`  ${label.padEnd(40)} median ${round(median(times), 1)} ms, p90 ${round(percentile(times, 90), 1)} ms (${results} results)`);
    }
  });
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

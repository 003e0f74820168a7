// Re-anchoring on a correction: one article holding 1,000 annotations gets a corrected text (a paragraph inserted
// near the top, a sentence edited, one passage removed), timed through correctArticle on a fresh database.
//
//   npx tsx scripts/bench/reanchor.ts [--db sqlite|postgresql]
//
// PostgreSQL: a new database on TEST_POSTGRES_URL's server (default postgresql://app:app@127.0.0.1:5432/app),
// dropped at the end. Prints the median and slowest of 5 corrections.
import { randomBytes } from "node:crypto";
import { Prng } from "./prng";
import { benchArg, withScratchTeam } from "./scratch-team";
import { median, round } from "./util";

const ANNOTATIONS = 1_000;
const RUNS = 5;

function paragraph(rng: Prng, i: number): string {
  const words = ["officials", "said", "the", "report", "according", "to", "people", "familiar", "with", "talks", "ministry", "statement", "on", "Tuesday", "port", "strike", "union", "analysts"];
  const sentence = () => Array.from({ length: 14 + rng.int(0, 10) }, () => words[rng.int(0, words.length - 1)]).join(" ");
  return `Paragraph ${i}: ${sentence()}. ${sentence()}, ${sentence()}.`;
}

async function main() {
  await withScratchTeam("reanchor", async (session) => {
    const { getDb } = await import("../../lib/db/client");
    const { correctArticle } = await import("../../lib/articles/correct-article");
    const { textQuoteSelector } = await import("../../lib/anchoring/text-quote");
    const prisma = getDb();
    const team = { id: session.teamId };
    const user = { id: session.id };
    const rng = new Prng("reanchor");
    const times: number[] = [];
    let last = { reanchored: 0, orphaned: 0, length: 0 };
    for (let run = 0; run < RUNS; run++) {
      const paragraphs = Array.from({ length: 120 }, (_, i) => paragraph(rng, i));
      const body = paragraphs.join("\n\n");
      const article = await prisma.article.create({
        data: { teamId: team.id, title: `Bench ${run}`, body, bodyHash: randomBytes(16).toString("hex"), bodyLength: [...body].length },
      });
      const rows = [];
      const seen = new Set<string>();
      while (rows.length < ANNOTATIONS) {
        const start = rng.int(0, body.length - 200);
        const end = start + 20 + rng.int(0, 120);
        const tag = (["anonymous_source", "official_statement", "opinion"] as const)[rng.int(0, 2)]!;
        if (seen.has(`${start} ${end} ${tag}`)) continue;
        seen.add(`${start} ${end} ${tag}`);
        rows.push({ articleId: article.id, authorId: user.id, start, end, tag, ...(({ exact, prefix, suffix }) => ({ quote: exact, prefix, suffix }))(textQuoteSelector(body, start, end)) });
      }
      for (let i = 0; i < rows.length; i += 500) await prisma.annotation.createMany({ data: rows.slice(i, i + 500) });
      const corrected = [paragraphs[0], "Correction: an earlier version of this article misstated the date.", ...paragraphs.slice(1, 60), paragraphs[60]!.replace("Paragraph 60:", "Paragraph sixty:"), ...paragraphs.slice(62)].join("\n\n");
      const t0 = performance.now();
      const result = await correctArticle(session, article.id, corrected);
      times.push(performance.now() - t0);
      last = { reanchored: result.reanchored, orphaned: result.orphaned.length, length: [...corrected].length };
    }
    console.log(
      `${benchArg("--db") ?? "sqlite"}: correcting an article of ${last.length.toLocaleString("en-US")} code points holding ${ANNOTATIONS} annotations: ` +
        `median ${round(median(times), 0)} ms, slowest ${round(Math.max(...times), 0)} ms over ${RUNS} (last: ${last.reanchored} placed, ${last.orphaned} orphaned)`,
    );
  });
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { codePointLength } from "@/lib/anchoring/code-points";
import { bodyHash } from "@/lib/articles/body-hash";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";

export const DEMO_TEAM = "Demo newsroom";
export const SEED_STORY = "Volt Typhoon admission, April 2025";
export const DEMO_USERS = [
  { email: "admin@example.com", name: "Alex Admin", role: "admin" },
  { email: "ana@example.com", name: "Ana Reviewer", role: "reviewer" },
  { email: "ben@example.com", name: "Ben Reviewer", role: "reviewer" },
] as const;

const ZSeedArticle = z.object({
  file: z.string(),
  title: z.string(),
  outlet: z.string().nullable().optional(),
  author: z.string().nullable().optional(),
  publishedAt: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
});

export const SEED_DIR = path.resolve(__dirname, "..", "..", "seed");

export function readSeedArticles(dir = SEED_DIR) {
  const meta = z.array(ZSeedArticle).parse(JSON.parse(readFileSync(path.join(dir, "articles.json"), "utf8")));
  // Bodies are kept byte for byte: offsets always refer to the stored text.
  return meta.map((m) => ({ ...m, body: readFileSync(path.join(dir, m.file), "utf8") }));
}

/** Idempotent: running it again changes nothing. Demo users only when asked for. */
export async function seedDatabase(db: Db, options: { demoUsers: boolean; demoPassword: string }) {
  const articles = readSeedArticles();
  const passwordHash = options.demoUsers ? await hashPassword(options.demoPassword) : "";
  return db.$transaction(async (tx) => {
    const team = await tx.team.upsert({ where: { name: DEMO_TEAM }, update: {}, create: { name: DEMO_TEAM } });
    const story = await tx.story.upsert({
      where: { teamId_title: { teamId: team.id, title: SEED_STORY } },
      update: {},
      create: { teamId: team.id, title: SEED_STORY },
    });
    let createdArticles = 0;
    for (const a of articles) {
      const hash = bodyHash(a.body);
      const exists = await tx.article.findUnique({ where: { teamId_bodyHash: { teamId: team.id, bodyHash: hash } } });
      if (exists) continue;
      await tx.article.create({
        data: {
          teamId: team.id,
          title: a.title,
          outlet: a.outlet ?? null,
          author: a.author ?? null,
          url: a.url ?? null,
          publishedAt: a.publishedAt ?? null,
          body: a.body,
          bodyHash: hash,
          bodyLength: codePointLength(a.body),
          storyId: story.id,
        },
      });
      createdArticles++;
    }
    let createdUsers = 0;
    if (options.demoUsers) {
      for (const u of DEMO_USERS) {
        const exists = await tx.user.findUnique({ where: { email: u.email } });
        if (exists) continue;
        await tx.user.create({ data: { ...u, passwordHash, teamId: team.id } });
        createdUsers++;
      }
    }
    return { teamId: team.id, storyId: story.id, createdArticles, createdUsers };
  });
}

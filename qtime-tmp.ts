// scratch: time findReviewQueue on M
process.env.DATABASE_URL = "file:bench/tmp/M.db";
(async () => {
  const { userFromClaims } = await import("./lib/auth/session-user");
  const { getDb } = await import("./lib/db/client");
  const db = getDb();
  const users = await db.user.findMany({ take: 3, orderBy: { id: "asc" } });
  const user = (await userFromClaims({ uid: users[1]!.id, sv: 0 }))!;
  const { findReviewQueue } = await import("./lib/reviews/review-queue");
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = await findReviewQueue(user, { limit: 20 } as never);
    const t2 = performance.now();
    const r2 = await findReviewQueue(user, { limit: 20, cursor: r.nextCursor } as never);
    console.log("page1", (t2 - t).toFixed(0), "ms", r.remaining, r.remainingAtLeast, "page2", (performance.now() - t2).toFixed(0), r2.items.length);
  }
})();

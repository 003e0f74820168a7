import type { Metadata } from "next";
import { findArticleTitles } from "@/lib/articles/find-articles";
import { requireUser } from "@/lib/session";
import { findTeammates } from "@/lib/users/find-teammates";
import { ReviewQueue } from "@/components/review/review-queue";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewPage() {
  const user = await requireUser("/review");
  const [articles, teammates] = await Promise.all([findArticleTitles(user), findTeammates(user)]);
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Review queue</h1>
          <p className="muted">Your teammates&apos; tags you have not reviewed yet, in reading order.</p>
        </div>
      </div>
      <ReviewQueue
        articles={articles}
        authors={teammates.filter((t) => t.id !== user.id).map((t) => ({ id: t.id, name: t.name }))}
      />
    </div>
  );
}

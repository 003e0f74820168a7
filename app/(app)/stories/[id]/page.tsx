import type { Metadata } from "next";
import Link from "next/link";
import { TAGS, TAG_LABELS } from "@/lib/annotations/tags";
import { orNotFound } from "@/lib/page-errors";
import { requireUser } from "@/lib/session";
import { findStoryComparison } from "@/lib/scoring/find-story-comparison";
import { formatPublished, plural } from "@/lib/ui/format";
import { SourcingMixChart } from "@/components/charts/sourcing-mix-chart";
import { ExportButtons } from "@/components/export/export-button";
import { StoryTools } from "@/components/stories/story-tools";
import { can } from "@/lib/auth/permissions";
import { teamStories } from "@/lib/import/options";

export const metadata: Metadata = { title: "Story comparison" };

export default async function StoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/stories/${id}`);
  const story = await orNotFound(findStoryComparison(user, id));
  const others = can(user, "story:edit") ? (await teamStories(user)).filter((s) => s.id !== story.id) : [];
  return (
    <div className="stack">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/scores">Scores</Link>
        <span>Story</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>{story.title}</h1>
          <p className="muted">
            {plural(story.articles.length, "article")} from {plural(new Set(story.articles.map((a) => a.outlet)).size, "outlet")} · mean score{" "}
            {story.mean === null ? "not yet available" : `${story.mean.toFixed(1)} over ${plural(story.scoredArticles, "scored article")}`}
          </p>
        </div>
        <div className="stack-tight">
          <ExportButtons filters={{ storyId: story.id }} />
          {can(user, "story:edit") && <StoryTools story={{ id: story.id, title: story.title }} others={others} />}
        </div>
      </div>
      <div className="outlet-cards">
        {story.articles.map((a) => {
          const total = TAGS.reduce((s, t) => s + a.counts[t], 0);
          return (
            <article key={a.id} className="card outlet-card" data-testid="outlet-card">
              <div className="outlet-name">{a.outlet}</div>
              <Link href={`/articles/${a.id}`} className="title-link">
                {a.title}
              </Link>
              <div className="muted small-text">{formatPublished(a.publishedAt)}</div>
              <div className="outlet-score" data-testid="outlet-score">
                {a.score === null ? <span className="muted">Not yet annotated</span> : a.score.toFixed(1)}
              </div>
              <div className="small-text muted">
                {plural(total, "consensus span")} from {plural(a.annotationCount, "annotation")}
              </div>
              <ul className="count-list">
                {TAGS.map((t) => (
                  <li key={t} className={`tag-${t}`}>
                    <span className="legend-swatch" aria-hidden /> {TAG_LABELS[t]}: <strong>{a.counts[t]}</strong>
                  </li>
                ))}
              </ul>
            </article>
          );
        })}
      </div>
      <section className="card">
        <h2>Sourcing mix</h2>
        <p className="muted small-text">Share of each article&apos;s consensus spans by tag.</p>
        <SourcingMixChart
          title={`Sourcing mix of ${story.title}`}
          rows={story.articles.map((a) => ({
            label: a.outlet.length > 30 ? `${a.outlet.slice(0, 29)}…` : a.outlet,
            sublabel: a.score === null ? "no score" : `score ${a.score.toFixed(1)}`,
            counts: a.counts,
          }))}
        />
      </section>
      <p className="muted small-text">
        Weights used: {TAGS.map((t) => `${TAG_LABELS[t]} ${story.weights[t]}`).join(" · ")}. Score = 50 + 50 × S / (T + 2) with S = Σ weight ×
        spans and T = Σ |weight| × spans.
      </p>
    </div>
  );
}

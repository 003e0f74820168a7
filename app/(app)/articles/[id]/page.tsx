import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { findAnnotations } from "@/lib/annotations/find-annotations";
import { can } from "@/lib/auth/permissions";
import { getArticle } from "@/lib/articles/find-articles";
import { codebookText, findCodebook } from "@/lib/codebook/find-codebook";
import { findSuggestions } from "@/lib/suggestions/find-suggestions";
import { findArticleScore } from "@/lib/scoring/find-article-score";
import { orNotFound } from "@/lib/page-errors";
import { requireUser } from "@/lib/session";
import { formatPublished } from "@/lib/ui/format";
import { AnnotationWorkspace } from "@/components/workspace/annotation-workspace";
import { ExportButtons } from "@/components/export/export-button";
import { ArticleDetailsEditor } from "@/components/articles/article-details-editor";
import { ArticleLiveRefresh } from "@/components/articles/article-live-refresh";
import { CorrectText } from "@/components/articles/correct-text";
import { OrphanedAnnotations } from "@/components/articles/orphaned-annotations";
import { findOrphans } from "@/lib/annotations/find-orphans";
import { teamStories } from "@/lib/import/options";
import { sentenceSpans } from "./sentence-spans";

type Props = { params: Promise<{ id: string }> };

// generateMetadata and the page both need the article: cache() makes it one load per request, not two, which on an
// article with many annotations is a large share of the page's time.
const load = cache(async (id: string) => {
  const user = await requireUser(`/articles/${id}`);
  // Suggestions are rendered with the first paint: arriving later, they would re-cut the text under a
  // selection the reader is making. The score too, so that it does not flash "loading" on every visit.
  const [article, annotations, suggestions, { S: _S, T: _T, ...score }, codebook] = await orNotFound(
    Promise.all([getArticle(user, id), findAnnotations(user, id), findSuggestions(user, id), findArticleScore(user, id), findCodebook(user)]),
  );
  // The workspace never shows an annotation's prefix/suffix context (it has the body): leaving them out keeps
  // the page payload from growing with 64 code points of context per annotation.
  const withoutContext = annotations.map((a) => ({ ...a, prefix: "", suffix: "" }));
  return { user, article, annotations: withoutContext, suggestions, score, codebook: codebookText(codebook) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { article } = await load((await params).id);
  return { title: article.title };
}

export default async function ArticlePage({ params }: Props) {
  const { user, article, annotations, suggestions, score, codebook } = await load((await params).id);
  const [stories, orphans] = await Promise.all([can(user, "article:edit") ? teamStories(user) : [], findOrphans(user, article.id)]);
  return (
    <div className="stack">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/articles">Articles</Link>
        {article.story && <span>{article.story.title}</span>}
      </nav>
      <header className="article-head">
        <h1 data-testid="article-title">{article.title}</h1>
        <p className="article-meta">
          <span>{article.outlet ?? "Unknown outlet"}</span>
          {article.author && <span>{article.author}</span>}
          <span>{formatPublished(article.publishedAt)}</span>
          {article.url && (
            <a href={article.url} target="_blank" rel="noopener noreferrer nofollow">
              Original ↗
            </a>
          )}
        </p>
        <div className="article-tools">
          <Link className="button small" href={`/articles/${article.id}/disagreements`}>
            Disagreements
          </Link>
          {article.story && (
            <Link className="button small" href={`/stories/${article.story.id}`}>
              Compare outlets on this story
            </Link>
          )}
          {article.version > 1 && (
            <Link className="button small" href={`/articles/${article.id}/versions`}>
              Versions ({article.version})
            </Link>
          )}
          <ExportButtons filters={{ articleId: article.id }} />
          {can(user, "article:edit") && <ArticleDetailsEditor article={article} stories={stories} />}
          {can(user, "article:edit") && <CorrectText articleId={article.id} body={article.body} />}
        </div>
      </header>
      <AnnotationWorkspace
        // A corrected text is a new workspace: its highlights and sentences are those of the new version.
        key={article.version}
        article={{ id: article.id, body: article.body }}
        initialAnnotations={annotations}
        initialSuggestions={suggestions}
        initialScore={score}
        sentences={sentenceSpans(article.body)}
        codebook={codebook}
        currentUser={{ id: user.id, name: user.name, canDeleteAny: can(user, "annotation:delete-any") }}
      />
      <OrphanedAnnotations orphans={orphans} />
      <ArticleLiveRefresh articleId={article.id} />
    </div>
  );
}

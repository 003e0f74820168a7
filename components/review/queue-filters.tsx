import type { ReactNode } from "react";
import { TagOptions } from "@/components/tag-options";
import { useHydrated } from "@/components/use-hydrated";
import type { QueueFilters as TFilters } from "./types";

type Props = {
  filters: TFilters;
  onChange: (patch: Partial<TFilters>) => void;
  articles: { id: string; title: string }[];
  authors: { id: string; name: string }[];
  count: ReactNode;
};

export function QueueFilters({ filters, onChange, articles, authors, count }: Props) {
  const hydrated = useHydrated();
  return (
    <div className="queue-bar card">
      <label className="field">
        <span>Article</span>
        <select value={filters.articleId} disabled={!hydrated} onChange={(e) => onChange({ articleId: e.target.value })}>
          <option value="">All articles</option>
          {articles.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Tag</span>
        <select value={filters.tag} disabled={!hydrated} onChange={(e) => onChange({ tag: e.target.value })}>
          <option value="">All tags</option>
          <TagOptions />
        </select>
      </label>
      <label className="field">
        <span>Annotator</span>
        <select value={filters.author} disabled={!hydrated} onChange={(e) => onChange({ author: e.target.value })}>
          <option value="">Everyone</option>
          {authors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <div className="queue-count" data-testid="queue-remaining" aria-live="polite">
        {count}
      </div>
    </div>
  );
}

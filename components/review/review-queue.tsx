"use client";

import Link from "next/link";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { TAGS, TAG_LABELS } from "@/lib/annotations/tags";
import { TagChip } from "@/components/tag-chip";
import { reviewsApi } from "@/components/workspace/api-client";
import { useHydrated } from "@/components/use-hydrated";

type Item = {
  id: string;
  article: { id: string; title: string; outlet: string | null };
  prefix: string;
  quote: string;
  suffix: string;
  tag: string;
  note: string;
  author: { id: string; name: string };
};
type Page = { items: Item[]; remaining: number; remainingAtLeast: boolean; nextCursor: string | null };
type Filters = { articleId: string; tag: string; author: string };

type Props = { articles: { id: string; title: string }[]; authors: { id: string; name: string }[] };

/** Keyboard-first review: a agree, d disagree, s skip, j/k next/previous. */
export function ReviewQueue({ articles, authors }: Props) {
  const [filters, setFilters] = useState<Filters>({ articleId: "", tag: "", author: "" });
  const [items, setItems] = useState<Item[]>([]);
  const [remaining, setRemaining] = useState(0);
  const [remainingAtLeast, setRemainingAtLeast] = useState(false);
  const [cursor, setCursor] = useState<string | null>(null);
  const [index, setIndex] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const [suggestedTag, setSuggestedTag] = useState("");
  const [done, setDone] = useState(0);
  const busy = useRef(false);
  const hydrated = useHydrated();

  const load = useCallback(async (f: Filters, after: string | null) => {
    const q = new URLSearchParams({ limit: "20" });
    if (f.articleId) q.set("articleId", f.articleId);
    if (f.tag) q.set("tag", f.tag);
    if (f.author) q.set("author", f.author);
    if (after) q.set("cursor", after);
    const res = await fetch(`/api/review-queue?${q}`);
    const data = await res.json();
    if (!res.ok) throw new Error(data?.error?.message ?? `HTTP ${res.status}`);
    return data as Page;
  }, []);

  useEffect(() => {
    let live = true;
    load(filters, null)
      .then((p) => {
        if (!live) return;
        setItems(p.items);
        setRemaining(p.remaining);
        setRemainingAtLeast(p.remainingAtLeast);
        setCursor(p.nextCursor);
        setIndex(0);
        setError(null);
      })
      .catch((e: Error) => live && setError(e.message))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [filters, load]);

  // Fetch the next page before the reviewer reaches the end of what is loaded.
  useEffect(() => {
    if (!cursor || index < items.length - 3) return;
    let live = true;
    load(filters, cursor)
      .then((p) => {
        if (!live) return;
        setItems((list) => [...list, ...p.items.filter((i) => !list.some((x) => x.id === i.id))]);
        setCursor(p.nextCursor);
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [cursor, index, items.length, filters, load]);

  const current = items[index] ?? null;
  const changeFilter = (patch: Partial<Filters>) => {
    setLoading(true);
    setFilters((f) => ({ ...f, ...patch }));
  };

  const decide = useCallback(
    async (verdict: "agree" | "disagree") => {
      if (!current || busy.current) return;
      busy.current = true;
      try {
        await reviewsApi.submit(current.id, {
          verdict,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
          ...(verdict === "disagree" && suggestedTag ? { suggestedTag } : {}),
        });
        setItems((list) => list.filter((i) => i.id !== current.id));
        // Past the cap the count is a lower bound that one review does not change.
        if (!remainingAtLeast) setRemaining((n) => Math.max(0, n - 1));
        setDone((n) => n + 1);
        setComment("");
        setSuggestedTag("");
        setError(null);
      } catch (e) {
        setError((e as Error).message);
      } finally {
        busy.current = false;
      }
    },
    [current, comment, suggestedTag, remainingAtLeast],
  );

  // A layout effect: the handler that knows the item now shown is in place before it is painted, so a key
  // pressed the moment a filtered queue appears judges that item, not the one the old handler remembers.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT")) return;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (e.key === "a") void decide("agree");
      else if (e.key === "d") void decide("disagree");
      else if (e.key === "j" || e.key === "s") setIndex((i) => Math.min(i + 1, Math.max(0, items.length - 1)));
      else if (e.key === "k") setIndex((i) => Math.max(0, i - 1));
      else return;
      e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [decide, items.length]);

  useEffect(() => {
    document.querySelector(".queue-item.current")?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [index, items]);

  return (
    <div className="queue">
      <div className="queue-bar card">
        <label className="field">
          <span>Article</span>
          <select value={filters.articleId} disabled={!hydrated} onChange={(e) => changeFilter({ articleId: e.target.value })}>
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
          <select value={filters.tag} disabled={!hydrated} onChange={(e) => changeFilter({ tag: e.target.value })}>
            <option value="">All tags</option>
            {TAGS.map((t) => (
              <option key={t} value={t}>
                {TAG_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Annotator</span>
          <select value={filters.author} disabled={!hydrated} onChange={(e) => changeFilter({ author: e.target.value })}>
            <option value="">Everyone</option>
            {authors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <div className="queue-count" data-testid="queue-remaining" aria-live="polite">
          <strong>{loading ? "…" : remainingAtLeast ? `${remaining.toLocaleString("en")}+` : remaining}</strong> left{done > 0 && <span className="muted"> · {done} reviewed now</span>}
        </div>
      </div>
      <p className="hint muted">
        <kbd>a</kbd> agree · <kbd>d</kbd> disagree · <kbd>s</kbd> skip · <kbd>j</kbd>/<kbd>k</kbd> next/previous. A comment or suggested tag typed
        below goes with your verdict.
      </p>
      {error && <p className="error" role="alert">{error}</p>}
      {loading ? (
        <p className="muted" aria-busy="true">Loading the queue…</p>
      ) : items.length === 0 ? (
        <div className="empty" data-testid="queue-empty">
          <h2>Nothing left to review</h2>
          <p className="muted">When teammates tag more passages, they appear here.</p>
        </div>
      ) : (
        <ol className="queue-list" data-testid="queue-list">
          {items.map((item, i) => (
            <li key={item.id} className={`queue-item card${i === index ? " current" : ""}`} aria-current={i === index ? "true" : undefined} onClick={() => setIndex(i)}>
              <div className="queue-item-head">
                <TagChip tag={item.tag} />
                <span className="muted">by {item.author.name}</span>
                <Link href={`/articles/${item.article.id}`} className="queue-article">
                  {item.article.title}
                </Link>
              </div>
              <p className="queue-context">
                {item.prefix && <span className="muted">…{item.prefix}</span>}
                <mark className={`hl hl-${item.tag}`}>{item.quote}</mark>
                {item.suffix && <span className="muted">{item.suffix}…</span>}
              </p>
              {item.note && <p className="queue-note">Note: {item.note}</p>}
              {i === index && (
                <div className="queue-actions">
                  <input className="input" placeholder="Comment (optional)" aria-label="Comment" value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
                  <select className="input" aria-label="Suggested tag" value={suggestedTag} onChange={(e) => setSuggestedTag(e.target.value)}>
                    <option value="">Suggest another tag…</option>
                    {TAGS.filter((t) => t !== item.tag).map((t) => (
                      <option key={t} value={t}>
                        {TAG_LABELS[t]}
                      </option>
                    ))}
                  </select>
                  <button type="button" className="button small verdict-agree-btn" onClick={() => void decide("agree")}>
                    ✓ Agree <kbd>a</kbd>
                  </button>
                  <button type="button" className="button small verdict-disagree-btn" onClick={() => void decide("disagree")}>
                    ✗ Disagree <kbd>d</kbd>
                  </button>
                  <button type="button" className="button small ghost" onClick={() => setIndex((n) => Math.min(n + 1, items.length - 1))}>
                    Skip <kbd>s</kbd>
                  </button>
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

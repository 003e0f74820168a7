"use client";

import { memo } from "react";
import { TAGS, TAG_LABELS } from "@/lib/annotations/tags";
import { explainScore } from "@/lib/scoring/explain";
import { TagChip } from "@/components/tag-chip";
import { plural } from "@/lib/ui/format";
import { alphaMeaning } from "./alpha-meaning";
import type { TArticleScore } from "./use-article-score";

type Props = { data: TArticleScore; error: string | null; onJump: (start: number, annotationIds: string[]) => void };

export const SCORE_PANEL_ID = "score-panel";

/**
 * The article's credibility score with its breakdown (see useArticleScore for where it comes from). Memoised: it
 * lists every consensus span, and the workspace around it re-renders on each selection and key press.
 */
export const ScorePanel = memo(function ScorePanel({ data, error, onJump }: Props) {
  return (
    <section className="card score-panel" aria-label="Credibility score" data-testid="score-panel" id={SCORE_PANEL_ID} tabIndex={-1}>
      {error && <p className="error">Score not refreshed: {error}</p>}
      <div className="score-head">
        <div>
          <div className="score-label">Credibility score</div>
          {data.score === null ? (
            <div className="score-value muted" data-testid="score-value">Not yet annotated</div>
          ) : (
            <div className="score-value" data-testid="score-value">
              {data.score.toFixed(1)} <span className="score-scale">/ 100</span>
            </div>
          )}
        </div>
        <ScoreGauge score={data.score} />
      </div>
      <table className="mini-table">
        <thead>
          <tr>
            <th scope="col">Tag</th>
            <th scope="col" className="num">Weight</th>
            <th scope="col" className="num">Spans</th>
          </tr>
        </thead>
        <tbody>
          {TAGS.map((t) => (
            <tr key={t}>
              <td><TagChip tag={t} small /></td>
              <td className="num">{data.weights[t] > 0 ? `+${data.weights[t]}` : data.weights[t]}</td>
              <td className="num" data-testid={`consensus-${t}`}>{data.counts[t]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="small-text muted" data-testid="agreement-line">
        {plural(data.annotators, "annotator")} · agreement α ={" "}
        {data.alpha === null ? "n/a" : data.alpha.toFixed(3)}. {alphaMeaning(data.alpha, data.annotators)}
      </p>
      {data.spans.length > 0 && (
        <details className="spans">
          <summary>Consensus spans ({data.spans.length})</summary>
          <ol>
            {data.spans.map((s) => (
              <li key={`${s.tag}-${s.start}-${s.end}`}>
                <button type="button" className="link-button" onClick={() => onJump(s.start, s.annotationIds)}>
                  <TagChip tag={s.tag} small /> {s.start}–{s.end} · {plural(s.annotationIds.length, "annotation")}
                </button>
              </li>
            ))}
          </ol>
        </details>
      )}
      <details className="how">
        <summary>How is this computed?</summary>
        <p>
          Annotations that were not rejected are merged into <em>consensus spans</em>: same tag, overlapping with a Jaccard index of at least
          0.5. Each span counts once, weighted by its tag. With S = Σ weight × spans and T = Σ |weight| × spans, the score is 50 + 50 × S / (T + 2):
          50 means no evidence either way, 100 fully on-record sourcing, 0 fully anonymous or opinion.
        </p>
        <p className="formula" data-testid="score-formula">{explainScore(data.counts, data.weights)}</p>
        <p className="muted small-text">
          {TAGS.map((t) => `${TAG_LABELS[t]} ${data.weights[t]}`).join(" · ")} — the team&apos;s weights, set by an admin.
        </p>
      </details>
    </section>
  );
});

function ScoreGauge({ score }: { score: number | null }) {
  const pct = score === null ? 50 : Math.max(0, Math.min(100, score));
  return (
    <svg className="gauge" width="120" height="14" viewBox="0 0 120 14" role="img" aria-label={score === null ? "No score yet" : `Score ${pct.toFixed(1)} of 100`}>
      <defs>
        <linearGradient id="gauge-grad" x1="0" x2="1">
          <stop offset="0" stopColor="#c2410c" />
          <stop offset="0.5" stopColor="#a3a3a3" />
          <stop offset="1" stopColor="#1d4ed8" />
        </linearGradient>
      </defs>
      <rect x="0" y="4" width="120" height="6" rx="3" fill="url(#gauge-grad)" opacity={score === null ? 0.3 : 1} />
      {score !== null && <circle cx={(pct / 100) * 114 + 3} cy="7" r="5" fill="#fff" stroke="#1d1f23" strokeWidth="2" />}
    </svg>
  );
}

import type { TArticleScore } from "./use-article-score";
import { SCORE_PANEL_ID } from "./score-panel";

/**
 * One line above the article for narrow screens, where the score panel comes only after the whole text: the
 * score, and a link down to its breakdown.
 */
export function ScoreSummary({ data }: { data: TArticleScore }) {
  return (
    <p className="score-summary" data-testid="score-summary">
      <span className="score-label">Credibility score</span>{" "}
      <strong>{data.score === null ? "Not yet annotated" : `${data.score.toFixed(1)} / 100`}</strong>{" "}
      <a href={`#${SCORE_PANEL_ID}`}>How it is computed ↓</a>
    </p>
  );
}

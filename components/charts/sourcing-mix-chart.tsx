import { TAGS, TAG_LABELS, type TTag } from "@/lib/annotations/tags";

type Row = { label: string; sublabel?: string; counts: Record<TTag, number> };

const COLORS: Record<TTag, string> = {
  "anonymous-source": "#f59e5b",
  "official-statement": "#6b9cf0",
  opinion: "#b98ae6",
};
// Each tag also gets its own fill pattern, so the chart reads in greyscale and for colour-blind readers.
const PATTERNS: Record<TTag, string> = {
  "anonymous-source": "mix-hatch",
  "official-statement": "mix-solid",
  opinion: "mix-dots",
};

/**
 * Horizontal stacked bars: each row's share of anonymous-source / official-statement / opinion consensus
 * spans, with the percentages written on the bars and a text alternative in <desc>.
 */
export function SourcingMixChart({ rows, title }: { rows: Row[]; title: string }) {
  const rowH = 46;
  const labelW = 230;
  const barW = 520;
  const height = rows.length * rowH + 40;
  const summary = rows
    .map((r) => {
      const total = TAGS.reduce((s, t) => s + r.counts[t], 0);
      return `${r.label}: ${total === 0 ? "no consensus spans" : TAGS.map((t) => `${TAG_LABELS[t]} ${Math.round((100 * r.counts[t]) / total)}%`).join(", ")}`;
    })
    .join("; ");
  return (
    <svg className="mix-chart" viewBox={`0 0 ${labelW + barW + 20} ${height}`} role="img" aria-labelledby="mix-title mix-desc" data-testid="mix-chart">
      <title id="mix-title">{title}</title>
      <desc id="mix-desc">{summary}</desc>
      <defs>
        {TAGS.map((t) => (
          <pattern key={t} id={`${PATTERNS[t]}`} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={COLORS[t]} />
            {t === "anonymous-source" && <path d="M0 8 L8 0" stroke="rgba(0,0,0,0.25)" strokeWidth="2" />}
            {t === "opinion" && <circle cx="4" cy="4" r="1.4" fill="rgba(0,0,0,0.25)" />}
          </pattern>
        ))}
      </defs>
      {rows.map((r, i) => {
        const y = i * rowH + 8;
        const total = TAGS.reduce((s, t) => s + r.counts[t], 0);
        let x = labelW;
        return (
          <g key={r.label + i}>
            <text x={labelW - 12} y={y + 16} textAnchor="end" className="mix-label">
              {r.label}
            </text>
            {r.sublabel && (
              <text x={labelW - 12} y={y + 32} textAnchor="end" className="mix-sublabel">
                {r.sublabel}
              </text>
            )}
            {total === 0 ? (
              <>
                <rect x={labelW} y={y} width={barW} height={30} fill="#f3f2ef" stroke="#cfccc5" strokeDasharray="4 3" />
                <text x={labelW + barW / 2} y={y + 20} textAnchor="middle" className="mix-empty">
                  not yet annotated
                </text>
              </>
            ) : (
              TAGS.map((t) => {
                const w = (barW * r.counts[t]) / total;
                const segX = x;
                x += w;
                if (w === 0) return null;
                const share = Math.round((100 * r.counts[t]) / total);
                return (
                  <g key={t}>
                    <rect x={segX} y={y} width={w} height={30} fill={`url(#${PATTERNS[t]})`} stroke="#fff" strokeWidth="1" />
                    {w > 34 && (
                      <text x={segX + w / 2} y={y + 20} textAnchor="middle" className="mix-value">
                        {share}%
                      </text>
                    )}
                  </g>
                );
              })
            )}
          </g>
        );
      })}
      <g transform={`translate(${labelW}, ${rows.length * rowH + 18})`}>
        {TAGS.map((t, i) => (
          <g key={t} transform={`translate(${i * 175}, 0)`}>
            <rect width="14" height="14" fill={`url(#${PATTERNS[t]})`} />
            <text x="20" y="12" className="mix-legend">
              {TAG_LABELS[t]}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

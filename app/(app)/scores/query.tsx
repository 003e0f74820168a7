import { ZScoreTableQuery, type TScoreTableQuery } from "@/lib/scoring/find-score-table";
import { ZStoryTableQuery, type TStoryTableQuery } from "./story-table";

/** Everything /scores keeps in its URL: the article table's filters, sort and page, and the story card's. */
export type TDashboardQuery = TScoreTableQuery & TStoryTableQuery;

export function parseDashboardQuery(raw: Record<string, string | string[] | undefined>): TDashboardQuery {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return { ...ZScoreTableQuery.parse(flat), ...ZStoryTableQuery.parse(flat) };
}

const ORDER: (keyof TDashboardQuery)[] = ["sort", "dir", "outlet", "story", "from", "to", "page", "storyQ", "storySort", "storyDir", "storyPage"];

/** The URL parameters for `q` changed by `patch`, in a stable order, defaults left out. */
export function dashboardParams(q: TDashboardQuery, patch: Partial<TDashboardQuery> = {}): [string, string][] {
  const next: Partial<TDashboardQuery> = { ...q, ...patch };
  const params: [string, string][] = [];
  for (const k of ORDER) {
    const v = next[k];
    if (v === undefined || v === "") continue;
    if ((k === "page" || k === "storyPage") && v === 1) continue;
    if (k === "storySort" && v === "articles") continue;
    params.push([k, String(v)]);
  }
  return params;
}

export function dashboardHref(q: TDashboardQuery, patch: Partial<TDashboardQuery> = {}): string {
  return `/scores?${new URLSearchParams(dashboardParams(q, patch))}`;
}

/** Hidden inputs that carry the rest of the dashboard's state through a GET form that sets `own` fields. */
export function HiddenParams({ q, own, patch }: { q: TDashboardQuery; own: (keyof TDashboardQuery)[]; patch?: Partial<TDashboardQuery> }) {
  return (
    <>
      {dashboardParams(q, patch)
        .filter(([k]) => !own.includes(k as keyof TDashboardQuery))
        .map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
    </>
  );
}

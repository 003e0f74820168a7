import { format, parseISO } from "date-fns";

/** "10 Apr 2025" for a full date, "Apr 2025" when only the month is known. */
export function formatPublished(date: string | null): string {
  if (!date) return "Undated";
  if (/^\d{4}-\d{2}$/.test(date)) return format(parseISO(`${date}-01`), "MMM yyyy");
  return format(parseISO(date), "d MMM yyyy");
}

export function formatTimestamp(iso: string): string {
  return format(parseISO(iso), "d MMM yyyy, HH:mm");
}

// In UTC, so the server's rendering and the browser's agree whatever the reader's time zone.
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "2 Dec 2026" (UTC): a day, for "edited on". */
export function formatDate(date: Date | string): string {
  return DAY.format(typeof date === "string" ? new Date(date) : date);
}

export function formatScore(score: number | null): string {
  return score === null ? "—" : score.toFixed(1);
}

// One formatter for every count: Number#toLocaleString builds a new one per call, which shows in lists of hundreds.
const COUNT = new Intl.NumberFormat("en-US");

/** "1 annotation", "2 annotations", "1,204 annotations"; `many` for irregular plurals. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${COUNT.format(count)} ${count === 1 ? one : many}`;
}

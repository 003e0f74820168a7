import type { Metadata } from "next";
import Link from "next/link";
import { describeAuditEvent } from "@/lib/audit/describe-audit-event";
import { findAuditEvents } from "@/lib/audit/find-audit-events";
import { requirePermission } from "@/lib/session";
import { formatTimestamp } from "@/lib/ui/format";

export const metadata: Metadata = { title: "Audit log" };

function summary(value: unknown): string {
  if (!value || typeof value !== "object") return "";
  return Object.entries(value as Record<string, unknown>)
    .filter(([k]) => !["authorId"].includes(k))
    .map(([k, v]) => `${k}: ${typeof v === "string" ? (v.length > 60 ? `${v.slice(0, 60)}…` : v) : JSON.stringify(v)}`)
    .join(" · ");
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const user = await requirePermission("audit:read", "/admin/audit");
  const { cursor } = await searchParams;
  const { events, nextCursor } = await findAuditEvents(user, { limit: 50, ...(cursor ? { cursor } : {}) });
  return (
    <div className="stack">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/admin">Admin</Link>
        <span>Audit log</span>
      </nav>
      <h1>Audit log</h1>
      {events.length === 0 ? (
        <div className="empty">
          <h2>Nothing recorded yet</h2>
        </div>
      ) : (
        <table className="table" data-testid="audit-log" aria-label="Audit log" tabIndex={0}>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => {
              const sentence = describeAuditEvent(e);
              return (
                <tr key={e.id} data-action={e.action} data-entity-id={e.entityId}>
                  <td className="nowrap small-text">{formatTimestamp(e.createdAt)}</td>
                  <td>{e.actor?.name ?? <span className="muted">system</span>}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td className="small-text audit-details">
                    {sentence !== null ? (
                      <div>{sentence}</div>
                    ) : (
                      <>
                        {e.before !== null && <div className="muted">before: {summary(e.before)}</div>}
                        {e.after !== null && <div>after: {summary(e.after)}</div>}
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label="Pages">
        {cursor && <Link href="/admin/audit">Newest</Link>}
        {nextCursor && <Link href={`/admin/audit?cursor=${nextCursor}`}>Older →</Link>}
      </nav>
    </div>
  );
}

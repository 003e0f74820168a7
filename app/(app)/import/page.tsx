import type { Metadata } from "next";
import Link from "next/link";
import { ExportButtons } from "@/components/export/export-button";
import { can } from "@/lib/auth/permissions";
import { teamStories } from "@/lib/import/options";
import {
  formatBytes,
  formatCount,
  MAX_ARTICLES_PER_IMPORT,
  MAX_BODY_CODE_POINTS,
  MAX_HTML_BYTES,
  MAX_IMPORT_BYTES,
} from "@/lib/import/limits";
import { requireUser } from "@/lib/session";
import { ImportForms } from "./import-forms";
import "./import.css";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage() {
  const user = await requireUser("/import");
  // The page holds the article and the annotation import forms: open to whoever may use either.
  const allowed = can(user, "import:articles") || can(user, "import:annotations");
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Import</h1>
          <p className="muted">
            Add articles to {user.teamName} by pasting or uploading them, or bring in annotations exported from this
            tool.
          </p>
        </div>
        <div className="import-export" role="group" aria-label="Export">
          <span className="muted small-text">All of {user.teamName}&apos;s annotations</span>
          <ExportButtons />
        </div>
      </div>
      {allowed ? (
        <ImportForms
          stories={await teamStories(user)}
          limits={{
            maxBytes: formatBytes(MAX_IMPORT_BYTES),
            maxHtmlBytes: formatBytes(MAX_HTML_BYTES),
            maxCodePoints: formatCount(MAX_BODY_CODE_POINTS),
            maxArticles: formatCount(MAX_ARTICLES_PER_IMPORT),
          }}
        />
      ) : (
        <div className="empty" data-testid="import-not-allowed">
          <h2>Importing is not open to annotators</h2>
          <p className="muted">
            Only admins and reviewers can add articles or import annotations. Ask an admin of {user.teamName} if you
            need something imported, or go back to the <Link href="/articles">articles</Link>.
          </p>
        </div>
      )}
    </div>
  );
}

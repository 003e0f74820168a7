import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { TImportRequest } from "./read-request";

/** `dryRun=1` in the query string or the form: check and report, write nothing. */
export function isDryRun(req: Request, request: TImportRequest): boolean {
  const value = new URL(req.url).searchParams.get("dryRun") ?? request.fields.dryRun;
  return value === "1" || value === "true";
}

/** A short description of what was uploaded, for the audit trail. */
export function uploadLabel(request: TImportRequest): string {
  const names = request.files.map((file) => file.name ?? `(${file.format ?? "unknown"} body)`);
  return names.length <= 5 ? names.join(", ") : `${names.slice(0, 5).join(", ")} and ${names.length - 5} more`;
}

/** The team's stories, for the import form's story picker. */
export async function teamStories(user: Pick<TSessionUser, "teamId">): Promise<{ id: string; title: string }[]> {
  return db.story.findMany({ where: { teamId: user.teamId }, select: { id: true, title: true }, orderBy: { title: "asc" } });
}

import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { parseMentions } from "./parse-mentions";

const quoted = (written: string[]) => written.map((w) => `“${w}”`).join(", ");

/**
 * The teammates a reply's text mentions, refusing the text (UNKNOWN_MENTION) when an `@word` names no teammate. With
 * the text it replaces, only those it did not already mention: an edit tells only the newly mentioned.
 */
export async function mentionedTeammates(tx: Tx, teamId: string, text: string, replacing?: string): Promise<string[]> {
  const members = await tx.user.findMany({ where: { teamId }, select: { id: true, name: true, email: true } });
  const { userIds, unknown } = parseMentions(text, members);
  if (unknown.length) {
    const names = unknown.length === 1 ? `No teammate is called ${quoted(unknown)}` : `No teammates are called ${quoted(unknown)}`;
    throw new AppError("UNKNOWN_MENTION", `${names}: only teammates can be mentioned.`, "text", { mentions: unknown });
  }
  if (replacing === undefined) return userIds;
  const before = new Set(parseMentions(replacing, members).userIds);
  return userIds.filter((id) => !before.has(id));
}

import { mentionSegments, type TMember } from "./mentions";

/**
 * A reply's text as plain text (React escapes it; it is never parsed as HTML), line breaks kept, with mentions of
 * teammates set in bold and marked up, not by colour alone.
 */
export function ReplyText({ text, members }: { text: string; members: readonly TMember[] }) {
  return (
    <p className="reply-text">
      {mentionSegments(text, members).map((s, i) =>
        s.mention ? (
          <strong key={i} className="mention">
            {s.text}
          </strong>
        ) : (
          s.text
        ),
      )}
    </p>
  );
}

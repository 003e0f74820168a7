import type { Metadata } from "next";
import Link from "next/link";
import { SPAN_RULES } from "@/lib/annotations/codebook";
import { TAGS } from "@/lib/annotations/tags";
import { can } from "@/lib/auth/permissions";
import { codebookText, findCodebook } from "@/lib/codebook/find-codebook";
import { requireUser } from "@/lib/session";
import { formatDate } from "@/lib/ui/format";
import { CodebookEntries, MarksSamples, type TCodebookEdit } from "@/components/codebook/codebook-view";

export const metadata: Metadata = { title: "How to tag" };

export default async function HowToTagPage() {
  const user = await requireUser("/how-to-tag");
  const codebook = await findCodebook(user);
  const edits = Object.fromEntries(
    TAGS.flatMap((t) => {
      const { isDefault, updatedAt, updatedBy } = codebook[t];
      return isDefault || !updatedAt ? [] : [[t, { by: updatedBy?.name ?? null, on: formatDate(updatedAt) } satisfies TCodebookEdit]];
    }),
  );
  return (
    <div className="stack how-to-tag">
      <div className="page-head">
        <div>
          <h1>How to tag</h1>
          <p className="muted">
            An annotation says: <em>this passage sources its claim in this way</em>. The three tags describe where a claim comes from, not
            whether it is true.
          </p>
          {can(user, "codebook:edit") && (
            <p className="muted">
              As an admin you can change your team&apos;s wording of each tag under <Link href="/admin/codebook">Admin › Codebook</Link>.
            </p>
          )}
        </div>
      </div>

      <CodebookEntries codebook={codebookText(codebook)} edits={edits} />

      <section className="card" aria-labelledby="rules-heading">
        <h2 id="rules-heading">Every span</h2>
        <ul className="codebook-list">
          {SPAN_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="gestures-heading">
        <h2 id="gestures-heading">Tagging in the article</h2>
        <h3>With the mouse</h3>
        <p>
          Select a passage. A palette opens beside it: click a tag to save at once, or press <kbd>1</kbd>, <kbd>2</kbd> or <kbd>3</kbd>, type
          a note if you like, and press <kbd>Enter</kbd>. <kbd>Esc</kbd> cancels. Spaces at either end are trimmed, and a selection that runs
          into the headline or the side panel is cut to the article text.
        </p>
        <h3>With the keyboard</h3>
        <p>
          Press <kbd>t</kbd> (or the <strong>Tag with the keyboard</strong> button above the article) to start the sentence cursor on the
          first sentence in view. <kbd>↓</kbd> or <kbd>→</kbd> moves to the next sentence, <kbd>↑</kbd> or <kbd>←</kbd> to the previous one;
          with <kbd>Shift</kbd> they extend the span over several sentences. <kbd>1</kbd>, <kbd>2</kbd> or <kbd>3</kbd> opens the palette
          with that tag chosen and the cursor in its note field: type a note or not, then <kbd>Enter</kbd> saves. <kbd>Enter</kbd> alone
          opens the palette with no tag chosen. <kbd>Esc</kbd> leaves the palette, a second <kbd>Esc</kbd> stops the cursor. A sentence span
          leaves out the final full stop, as the rules above ask.
        </p>
        <p>
          Highlights are buttons: <kbd>Tab</kbd> to one and press <kbd>Enter</kbd> for its details; <kbd>Esc</kbd> closes them.
        </p>
        <h3>Suggestions</h3>
        <p>
          The app proposes spans it found with hand-written rules. They are drawn as dotted boxes and are not saved or counted until you
          accept one. Press <kbd>n</kbd> (or <strong>Go through suggestions</strong>) to show one in the side panel, then <kbd>y</kbd> to
          accept it as your annotation, <kbd>x</kbd> to dismiss it for good, <kbd>n</kbd> for the next. The <strong>Show suggestions</strong>{" "}
          checkbox above the article hides them all; this browser remembers the choice.
        </p>
      </section>

      <section className="card" aria-labelledby="marks-heading">
        <h2 id="marks-heading">What the marks mean</h2>
        <MarksSamples />
      </section>

      <p>
        <Link href="/articles">Back to the articles</Link>
      </p>
    </div>
  );
}

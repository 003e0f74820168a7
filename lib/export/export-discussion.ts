import { findDiscussions } from "@/lib/discussion/find-discussions";
import type { TCsvCell } from "./columns";
import { discussionCells } from "./discussion-columns";
import type { TJsonLdAnnotationInput } from "./jsonld";

// With export-annotations.ts, the modules of lib/export that read the database: each batch of exported annotations
// is joined with its threads as it streams by, so memory stays bounded by a batch. The threads are read when their
// batch is, not from the annotations' snapshot: a reply added during a long download may or may not be in it.

/** The discussion CSV's rows for batches of exported annotations (exportBatches, already sealed to the team). */
export async function* discussionCellBatches(
  teamId: string,
  batches: AsyncIterable<readonly { annotationId: string; articleId: string }[]>,
): AsyncGenerator<TCsvCell[][], void, undefined> {
  for await (const batch of batches) {
    const threads = await findDiscussions(teamId, batch.map((a) => a.annotationId));
    yield batch.flatMap((a) => {
      const thread = threads.get(a.annotationId);
      return thread ? discussionCells(a, thread) : [];
    });
  }
}

/** The JSON-LD export's annotations with their threads, which it writes after each annotation. */
export async function* withDiscussion(
  teamId: string,
  batches: AsyncIterable<TJsonLdAnnotationInput[]>,
): AsyncGenerator<TJsonLdAnnotationInput[], void, undefined> {
  for await (const batch of batches) {
    const threads = await findDiscussions(teamId, batch.map((a) => a.id));
    yield batch.map((a) => {
      const discussion = threads.get(a.id);
      return discussion ? { ...a, discussion } : a;
    });
  }
}

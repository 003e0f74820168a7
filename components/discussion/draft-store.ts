// What the reader is typing in each thread's composer, by annotation id. Outside React state so that it outlives
// the details being re-mounted (a live reload of the annotation gives them a new key) or closed and reopened.
const drafts = new Map<string, string>();

export function readDraft(annotationId: string): string {
  return drafts.get(annotationId) ?? "";
}

export function writeDraft(annotationId: string, text: string) {
  if (text) drafts.set(annotationId, text);
  else drafts.delete(annotationId);
}

import { toAnnotationCollection, type TJsonLdAnnotationInput } from "./jsonld";

export type TJsonLdStreamInput = {
  /** The collection's IRI, e.g. the export request URL. */
  id: string;
  baseUrl?: string;
  label?: string;
  batches: AsyncIterable<readonly TJsonLdAnnotationInput[]>;
};

/** The JSON text of an object without its closing brace, so more members can follow. */
function openObject(value: object): string {
  return JSON.stringify(value).slice(0, -1);
}

/**
 * The same AnnotationCollection as toAnnotationCollection, written as a byte stream one batch at a time, with
 * each annotation on its own line. `total` is the last member (JSON members are unordered), counted on the way,
 * so the document needs one pass over the rows and is consistent with the items it holds.
 */
export function jsonLdStream({ id, baseUrl, label, batches }: TJsonLdStreamInput): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const shell = toAnnotationCollection({ id, baseUrl, label, items: [] });
  const head =
    openObject({ "@context": shell["@context"], id: shell.id, type: shell.type, label: shell.label }) +
    `,"first":${openObject({ id: shell.first.id, type: shell.first.type, startIndex: shell.first.startIndex })}` +
    `,"items":[`;
  let iterator: AsyncIterator<readonly TJsonLdAnnotationInput[]> | undefined;
  let total = 0;

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(head));
      },
      async pull(controller) {
        iterator ??= batches[Symbol.asyncIterator]();
        try {
          for (;;) {
            const next = await iterator.next();
            if (next.done === true) {
              controller.enqueue(encoder.encode(`\n]},"last":${JSON.stringify(shell.last)},"total":${total}}\n`));
              controller.close();
              return;
            }
            if (next.value.length === 0) continue;
            const items = toAnnotationCollection({ id, baseUrl, items: next.value }).first.items;
            const text = items.map((item, i) => (total + i === 0 ? "\n" : ",\n") + JSON.stringify(item)).join("");
            total += items.length;
            controller.enqueue(encoder.encode(text));
            return;
          }
        } catch (error) {
          try {
            await iterator.return?.();
          } catch {
            // The first error is the one to report.
          }
          throw error;
        }
      },
      async cancel(reason) {
        await iterator?.return?.(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

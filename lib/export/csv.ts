import { CSV_COLUMNS, rowToCells, type TCsvCell, type TExportRow } from "./columns";
import { csvField } from "./csv-field";
import { neutraliseCell } from "./neutralise";

export { contentDisposition, exportFileName } from "./file-name";

/** Excel only reads a CSV as UTF-8 when it starts with a byte order mark (`excel=1`). */
export const BOM = "\uFEFF";

const CRLF = "\r\n";

export type TCsvOptions = {
  /** `raw=1`: every field is exactly the stored text, no spreadsheet neutralising. */
  raw: boolean;
};

export type TCsvStreamOptions = TCsvOptions & {
  /** `excel=1`: start with a UTF-8 byte order mark. */
  bom: boolean;
  /** The header's column names: the annotations export's unless given. */
  columns?: readonly string[];
};

/** The header row, CRLF-terminated. */
export function csvHeader(columns: readonly string[] = CSV_COLUMNS): string {
  return columns.join(",") + CRLF;
}

/** RFC 4180 text for rows of cells, every row CRLF-terminated (so batches concatenate); "" for no rows. */
export function csvLines(rows: readonly (readonly TCsvCell[])[], { raw }: TCsvOptions): string {
  let text = "";
  for (const cells of rows) {
    let line = "";
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i]!;
      line += (i === 0 ? "" : ",") + csvField(raw ? cell : neutraliseCell(cell));
    }
    text += line + CRLF;
  }
  return text;
}

/** RFC 4180 text for export rows, every row CRLF-terminated (so batches concatenate); "" for no rows. */
export function csvRows(rows: readonly TExportRow[], options: TCsvOptions): string {
  return csvLines(rows.map(rowToCells), options);
}

async function closeQuietly(iterator: AsyncIterator<unknown>): Promise<void> {
  try {
    await iterator.return?.();
  } catch {
    // Already failing: a second error from cleanup would only hide the first.
  }
}

/**
 * The whole CSV file as a byte stream: header first, then one chunk per batch of cell rows (exportCellBatches, or
 * rowToCells). At most one batch is read ahead of the consumer, so a slow client holds back the database instead
 * of filling memory.
 */
export function csvStream(
  batches: AsyncIterable<readonly (readonly TCsvCell[])[]>,
  { raw, bom, columns }: TCsvStreamOptions,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<readonly (readonly TCsvCell[])[]> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode((bom ? BOM : "") + csvHeader(columns)));
      },
      async pull(controller) {
        iterator ??= batches[Symbol.asyncIterator]();
        try {
          // A pull that enqueues nothing is not called again, so empty batches are skipped here.
          for (;;) {
            const next = await iterator.next();
            if (next.done === true) {
              controller.close();
              return;
            }
            const text = csvLines(next.value, { raw });
            if (text !== "") {
              controller.enqueue(encoder.encode(text));
              return;
            }
          }
        } catch (error) {
          // Release the source (e.g. an open database statement); the original error is the one to report.
          await closeQuietly(iterator);
          throw error;
        }
      },
      async cancel(reason) {
        // The client went away: stop the query rather than reading rows nobody will receive.
        await iterator?.return?.(reason);
      },
    },
    // One batch ahead: the next batch is read from SQLite while the previous one is on the wire (with none ahead,
    // every batch waited for the socket to drain first: 2.8x sqlite3 -csv instead of ~2x at 1,000,000 rows).
    // Memory stays bounded by one batch in the queue plus one being written.
    { highWaterMark: 1 },
  );
}

import { BodyTooLargeError, decodeUtf8, readBodyCapped } from "@/lib/api/body";
import { AppError } from "@/lib/errors";
import { formatBytes, MAX_FILES_PER_IMPORT, MAX_IMPORT_BYTES } from "./limits";
import { fileProblem, ImportRejectedError, type TImportProblem } from "./problems";

export type TFileFormat = "text" | "markdown" | "html" | "json" | "csv";

export type TUploadedFile = {
  /** The file name as uploaded; null for a body sent as is (not multipart). */
  name: string | null;
  format: TFileFormat | null;
  /** Decoded UTF-8, without a leading byte order mark. */
  text: string;
};

/** What an import request carried: its files (a plain JSON or CSV body counts as one) and its form fields. */
export type TImportRequest = { files: TUploadedFile[]; fields: Record<string, string> };

const BY_EXTENSION: Record<string, TFileFormat> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
  json: "json",
  jsonld: "json",
  csv: "csv",
};

const BY_TYPE: Record<string, TFileFormat> = {
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/json": "json",
  "application/ld+json": "json",
  "text/csv": "csv",
  "application/csv": "csv",
};

function mediaType(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]!.trim().toLowerCase();
}

/** The format a file's name says, else its media type; null when neither is known. */
export function fileFormat(name: string | null, type: string | null): TFileFormat | null {
  const extension = name?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (extension !== undefined && extension in BY_EXTENSION) return BY_EXTENSION[extension] ?? null;
  return BY_TYPE[mediaType(type)] ?? null;
}

/** Strict UTF-8 (a Latin-1 or UTF-16 file is an error, not mojibake); a leading BOM is not text. */
function decode(bytes: Uint8Array, name: string | null, problems: TImportProblem[]): string | null {
  const text = decodeUtf8(bytes);
  if (text === null) {
    problems.push({
      ...(name === null ? {} : { file: name }),
      field: "file",
      message: "is not UTF-8 text. Save it as UTF-8 and upload it again.",
    });
  }
  return text;
}

/** The request body, refusing (413) as soon as it passes maxBytes instead of reading it all. */
async function readCapped(req: Request, maxBytes: number): Promise<Uint8Array> {
  try {
    return await readBodyCapped(req, maxBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    throw fileProblem(`The upload is larger than ${formatBytes(maxBytes)}. Split it into smaller files.`, "TOO_LARGE");
  }
}

/**
 * Reads an import request: `multipart/form-data` (files plus form fields), or a JSON or CSV body sent as is
 * (`application/json`, `application/ld+json`, `text/csv`; text bodies `text/plain`, `text/markdown`, `text/html`
 * take their metadata from the query string).
 */
export async function readImportRequest(req: Request, maxBytes = MAX_IMPORT_BYTES): Promise<TImportRequest> {
  const contentType = req.headers.get("content-type");
  const type = mediaType(contentType);
  const bytes = await readCapped(req, maxBytes);
  const problems: TImportProblem[] = [];

  if (type === "multipart/form-data") {
    let form: FormData;
    try {
      form = await new Response(bytes as BodyInit, { headers: { "content-type": contentType ?? "" } }).formData();
    } catch {
      throw new AppError("INVALID_INPUT", "The upload is not a valid multipart form.", "file");
    }
    const files: TUploadedFile[] = [];
    const fields: Record<string, string> = {};
    for (const [key, value] of form.entries()) {
      if (typeof value === "string") {
        fields[key] = value;
        continue;
      }
      // An empty file input still sends a part with no name and no bytes.
      if (value.name === "" && value.size === 0) continue;
      const text = decode(new Uint8Array(await value.arrayBuffer()), value.name, problems);
      if (text !== null) files.push({ name: value.name, format: fileFormat(value.name, value.type), text });
    }
    if (files.length > MAX_FILES_PER_IMPORT) {
      throw new ImportRejectedError(
        [{ field: "file", message: `${files.length} files were sent; at most ${MAX_FILES_PER_IMPORT} at a time.` }],
        "TOO_LARGE",
      );
    }
    if (problems.length > 0) throw new ImportRejectedError(problems);
    return { files, fields };
  }

  const format = BY_TYPE[type];
  if (format === undefined) {
    throw new AppError(
      "UNSUPPORTED_FORMAT",
      "Send a multipart form with files, or a JSON or CSV body (Content-Type application/json or text/csv).",
      "file",
    );
  }
  const text = decode(bytes, null, problems);
  if (text === null) throw new ImportRejectedError(problems);
  const fields = Object.fromEntries(new URL(req.url).searchParams.entries());
  return { files: [{ name: null, format, text }], fields };
}

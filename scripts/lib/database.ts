// What the command-line scripts say about the database they work on: where it is, and what to do when it cannot be
// reached. Either database; nothing here connects.
import { providerOf, sqliteFileFromUrl } from "../../lib/db/url";

/** The database a URL names, for messages: the SQLite file's path, or the PostgreSQL URL without its password. */
export function describeDatabase(url: string): string {
  if (providerOf(url) === "sqlite") return sqliteFileFromUrl(url);
  const u = new URL(url);
  u.password = "";
  u.search = "";
  return u.toString();
}

/** A script's failure as one message, with what to do about the usual PostgreSQL connection problems. */
export function explainFailure(error: unknown, url: string | undefined = process.env.DATABASE_URL): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!url || providerOf(url) !== "postgresql") return message;
  const code = (error as { code?: unknown } | null)?.code;
  const where = describeDatabase(url);
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "ETIMEDOUT") {
    return `Could not reach the PostgreSQL server of DATABASE_URL (${where}): ${message}. Is it running, and is the host right?`;
  }
  if (code === "3D000") {
    const { hostname, username, pathname } = new URL(url);
    const name = decodeURIComponent(pathname.slice(1));
    return (
      `${message}. The app creates its tables but not the database itself: create it once, e.g. ` +
      `\`createdb -h ${hostname} -U ${decodeURIComponent(username)} ${name}\` (the role needs CREATEDB) or, as the ` +
      `postgres user, \`createdb -O ${decodeURIComponent(username)} ${name}\`.`
    );
  }
  if (code === "28P01" || code === "28000") return `${message} (DATABASE_URL: ${where}).`;
  return message;
}

/** Runs a script's main function; on failure prints the explained error and exits 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(explainFailure(error));
    process.exit(1);
  });
}

import { writeTransaction } from "./group-commit";
import { openWriter, retryWhileBusy } from "./sqlite-writer";
import type { TAnnotationWriter, TStore } from "./store";

/**
 * The SQLite store: the synchronous writer's prepared statements (sqlite-writer.ts) behind the async interface, in
 * group-committed transactions (group-commit.ts). The file has one writer at a time, so the article needs no lock of
 * its own: nothing else writes while the transaction is open.
 */
export const sqliteStore: TStore = {
  annotationWrite(work) {
    return writeTransaction((w) => {
      const writer: TAnnotationWriter = {
        createContext: async (q) => w.createContext(q),
        insertAnnotation: async (input) => w.insertAnnotation(input),
        tagRangesBetween: async (q) => w.tagRangesBetween(q),
        purgeAnnotation: async (id) => w.purgeAnnotation(id),
        insertAuditEvent: async (event) => w.insertAuditEvent(event),
        updateScoreCache: async (articleId, cache) => w.updateScoreCache(articleId, cache),
      };
      return work(writer);
    });
  },

  // Read without the write lock: WAL readers do not wait for writers.
  sessionUser: (userId, sessionId) => retryWhileBusy(() => openWriter().writer.sessionUser(userId, sessionId)),
};

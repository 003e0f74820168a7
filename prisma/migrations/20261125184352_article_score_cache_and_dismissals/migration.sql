-- CreateTable
CREATE TABLE "SuggestionDismissal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "tag" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SuggestionDismissal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuggestionDismissal_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Article" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "outlet" TEXT,
    "author" TEXT,
    "url" TEXT,
    "publishedAt" TEXT,
    "body" TEXT NOT NULL,
    "bodyHash" TEXT NOT NULL,
    "bodyLength" INTEGER NOT NULL,
    "storyId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "annotationCount" INTEGER NOT NULL DEFAULT 0,
    "score" REAL,
    "consensusOfficial" INTEGER NOT NULL DEFAULT 0,
    "consensusAnonymous" INTEGER NOT NULL DEFAULT 0,
    "consensusOpinion" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Article_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Article_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("author", "body", "bodyHash", "bodyLength", "createdAt", "createdById", "id", "outlet", "publishedAt", "storyId", "teamId", "title", "updatedAt", "url") SELECT "author", "body", "bodyHash", "bodyLength", "createdAt", "createdById", "id", "outlet", "publishedAt", "storyId", "teamId", "title", "updatedAt", "url" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE INDEX "Article_teamId_createdAt_idx" ON "Article"("teamId", "createdAt");
CREATE INDEX "Article_teamId_publishedAt_idx" ON "Article"("teamId", "publishedAt");
CREATE INDEX "Article_teamId_outlet_idx" ON "Article"("teamId", "outlet");
CREATE INDEX "Article_storyId_idx" ON "Article"("storyId");
CREATE INDEX "Article_createdById_idx" ON "Article"("createdById");
CREATE UNIQUE INDEX "Article_teamId_bodyHash_key" ON "Article"("teamId", "bodyHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SuggestionDismissal_articleId_idx" ON "SuggestionDismissal"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionDismissal_userId_articleId_start_end_tag_key" ON "SuggestionDismissal"("userId", "articleId", "start", "end", "tag");

-- Backfill the cached count for databases created before this migration (scores are refreshed on start).
UPDATE "Article" SET "annotationCount" = (SELECT COUNT(*) FROM "Annotation" WHERE "Annotation"."articleId" = "Article"."id");

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN "orphanedAt" DATETIME;

-- CreateTable
CREATE TABLE "ArticleVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "bodyLength" INTEGER NOT NULL,
    "replacedById" TEXT,
    "replacedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ArticleVersion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleVersion_replacedById_fkey" FOREIGN KEY ("replacedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
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
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Article_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Article_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Article_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Article" ("annotationCount", "author", "body", "bodyHash", "bodyLength", "consensusAnonymous", "consensusOfficial", "consensusOpinion", "createdAt", "createdById", "id", "outlet", "publishedAt", "score", "storyId", "teamId", "title", "updatedAt", "url") SELECT "annotationCount", "author", "body", "bodyHash", "bodyLength", "consensusAnonymous", "consensusOfficial", "consensusOpinion", "createdAt", "createdById", "id", "outlet", "publishedAt", "score", "storyId", "teamId", "title", "updatedAt", "url" FROM "Article";
DROP TABLE "Article";
ALTER TABLE "new_Article" RENAME TO "Article";
CREATE INDEX "Article_teamId_createdAt_idx" ON "Article"("teamId", "createdAt");
CREATE INDEX "Article_teamId_publishedAt_idx" ON "Article"("teamId", "publishedAt");
CREATE INDEX "Article_teamId_outlet_score_consensusOfficial_consensusAnonymous_consensusOpinion_idx" ON "Article"("teamId", "outlet", "score", "consensusOfficial", "consensusAnonymous", "consensusOpinion");
CREATE INDEX "Article_teamId_storyId_score_consensusOfficial_consensusAnonymous_consensusOpinion_idx" ON "Article"("teamId", "storyId", "score", "consensusOfficial", "consensusAnonymous", "consensusOpinion");
CREATE INDEX "Article_storyId_idx" ON "Article"("storyId");
CREATE INDEX "Article_createdById_idx" ON "Article"("createdById");
CREATE UNIQUE INDEX "Article_teamId_bodyHash_key" ON "Article"("teamId", "bodyHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ArticleVersion_replacedById_idx" ON "ArticleVersion"("replacedById");

-- CreateIndex
CREATE UNIQUE INDEX "ArticleVersion_articleId_version_key" ON "ArticleVersion"("articleId", "version");

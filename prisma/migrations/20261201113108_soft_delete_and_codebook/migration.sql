-- CreateTable
CREATE TABLE "CodebookEntry" (
    "teamId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "span" TEXT NOT NULL,
    "example" TEXT NOT NULL,
    "moreExamples" TEXT NOT NULL DEFAULT '[]',
    "notThis" TEXT NOT NULL DEFAULT '[]',
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("teamId", "tag"),
    CONSTRAINT "CodebookEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CodebookEntry_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Annotation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "importedById" TEXT,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "agreeCount" INTEGER NOT NULL DEFAULT 0,
    "disagreeCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    "deletedById" TEXT,
    CONSTRAINT "Annotation_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Annotation_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Annotation_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Annotation_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Annotation" ("agreeCount", "articleId", "authorId", "createdAt", "disagreeCount", "end", "id", "importedById", "note", "prefix", "quote", "start", "status", "suffix", "tag", "updatedAt") SELECT "agreeCount", "articleId", "authorId", "createdAt", "disagreeCount", "end", "id", "importedById", "note", "prefix", "quote", "start", "status", "suffix", "tag", "updatedAt" FROM "Annotation";
DROP TABLE "Annotation";
ALTER TABLE "new_Annotation" RENAME TO "Annotation";
CREATE INDEX "Annotation_articleId_start_end_id_tag_status_deletedAt_idx" ON "Annotation"("articleId", "start", "end", "id", "tag", "status", "deletedAt");
CREATE INDEX "Annotation_deletedById_idx" ON "Annotation"("deletedById");
CREATE INDEX "Annotation_authorId_idx" ON "Annotation"("authorId");
CREATE INDEX "Annotation_importedById_idx" ON "Annotation"("importedById");
CREATE INDEX "Annotation_createdAt_id_idx" ON "Annotation"("createdAt", "id");
CREATE UNIQUE INDEX "Annotation_articleId_authorId_start_end_tag_key" ON "Annotation"("articleId", "authorId", "start", "end", "tag");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CodebookEntry_updatedById_idx" ON "CodebookEntry"("updatedById");

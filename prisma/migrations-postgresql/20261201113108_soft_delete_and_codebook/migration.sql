-- DropIndex
DROP INDEX "Annotation_articleId_start_end_id_tag_status_idx";

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "deletedById" TEXT;

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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CodebookEntry_pkey" PRIMARY KEY ("teamId","tag")
);

-- CreateIndex
CREATE INDEX "CodebookEntry_updatedById_idx" ON "CodebookEntry"("updatedById");

-- CreateIndex
CREATE INDEX "Annotation_articleId_start_end_id_tag_status_deletedAt_idx" ON "Annotation"("articleId", "start", "end", "id", "tag", "status", "deletedAt");

-- CreateIndex
CREATE INDEX "Annotation_deletedById_idx" ON "Annotation"("deletedById");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_deletedById_fkey" FOREIGN KEY ("deletedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodebookEntry" ADD CONSTRAINT "CodebookEntry_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CodebookEntry" ADD CONSTRAINT "CodebookEntry_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

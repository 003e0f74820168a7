-- DropIndex
DROP INDEX "Annotation_articleId_start_end_tag_status_id_idx";

-- DropIndex
DROP INDEX "Annotation_articleId_start_id_idx";

-- CreateIndex
CREATE INDEX "Annotation_articleId_start_end_id_tag_status_idx" ON "Annotation"("articleId", "start", "end", "id", "tag", "status");

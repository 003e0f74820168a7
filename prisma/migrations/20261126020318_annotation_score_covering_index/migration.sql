-- DropIndex
DROP INDEX "Annotation_articleId_start_end_idx";

-- CreateIndex
CREATE INDEX "Annotation_articleId_start_end_tag_status_id_idx" ON "Annotation"("articleId", "start", "end", "tag", "status", "id");

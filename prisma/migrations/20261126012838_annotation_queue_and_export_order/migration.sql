-- CreateIndex
CREATE INDEX "Annotation_articleId_start_id_idx" ON "Annotation"("articleId", "start", "id");

-- CreateIndex
CREATE INDEX "Annotation_createdAt_id_idx" ON "Annotation"("createdAt", "id");

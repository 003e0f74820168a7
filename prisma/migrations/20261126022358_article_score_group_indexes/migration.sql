-- DropIndex
DROP INDEX "Article_teamId_outlet_idx";

-- CreateIndex
CREATE INDEX "Article_teamId_outlet_score_consensusOfficial_consensusAnonymous_consensusOpinion_idx" ON "Article"("teamId", "outlet", "score", "consensusOfficial", "consensusAnonymous", "consensusOpinion");

-- CreateIndex
CREATE INDEX "Article_teamId_storyId_score_consensusOfficial_consensusAnonymous_consensusOpinion_idx" ON "Article"("teamId", "storyId", "score", "consensusOfficial", "consensusAnonymous", "consensusOpinion");

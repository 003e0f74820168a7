-- Written by hand from the engine's diff, which drops each tag column and adds it back with the new type: that would
-- lose every row's tag. Converting the columns in place keeps the values, and PostgreSQL rebuilds the indexes, unique
-- constraints and the primary key that include them. lib/db/migrations.test.ts checks that the result is exactly
-- schema.prisma.

-- A stored tag outside the enum stops the migration here, before anything has changed, with the value in the error
-- (see 20261201063434_enums for why the cast to date).
SELECT ('Annotation.tag must be anonymous-source, official-statement or opinion, not: ' || "tag")::date
  FROM "Annotation" WHERE "tag" NOT IN ('anonymous-source', 'official-statement', 'opinion');
SELECT ('Review.suggestedTag must be anonymous-source, official-statement or opinion, not: ' || "suggestedTag")::date
  FROM "Review" WHERE "suggestedTag" NOT IN ('anonymous-source', 'official-statement', 'opinion');
SELECT ('SuggestionDismissal.tag must be anonymous-source, official-statement or opinion, not: ' || "tag")::date
  FROM "SuggestionDismissal" WHERE "tag" NOT IN ('anonymous-source', 'official-statement', 'opinion');
SELECT ('CodebookEntry.tag must be anonymous-source, official-statement or opinion, not: ' || "tag")::date
  FROM "CodebookEntry" WHERE "tag" NOT IN ('anonymous-source', 'official-statement', 'opinion');

-- CreateEnum
CREATE TYPE "Tag" AS ENUM ('anonymous-source', 'official-statement', 'opinion');

-- AlterTable
ALTER TABLE "Annotation" ALTER COLUMN "tag" TYPE "Tag" USING "tag"::"Tag";

-- AlterTable
ALTER TABLE "CodebookEntry" ALTER COLUMN "tag" TYPE "Tag" USING "tag"::"Tag";

-- AlterTable
ALTER TABLE "Review" ALTER COLUMN "suggestedTag" TYPE "Tag" USING "suggestedTag"::"Tag";

-- AlterTable
ALTER TABLE "SuggestionDismissal" ALTER COLUMN "tag" TYPE "Tag" USING "tag"::"Tag";

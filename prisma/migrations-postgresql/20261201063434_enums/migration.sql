-- Written by hand from the engine's diff, which drops each column and adds it back with the new type: that would lose
-- every row's value (each status back to 'pending', and on a table with rows the NOT NULL verdict and role columns
-- cannot even be added). Converting the columns in place keeps the values, and PostgreSQL rebuilds the index on
-- "status" itself. The result is the engine's own schema: lib/db/migrations.test.ts checks that the migrations
-- produce exactly schema.prisma.

-- The engine runs these statements one by one, not in one transaction. So a stored value outside its enum stops the
-- migration here, before anything has changed, with an error that shows the value: the cast to date is what fails
-- (its error, unlike an invalid enum or integer input, reaches the engine's caller with its message).
SELECT ('User.role must be admin, reviewer or annotator, not: ' || "role")::date
  FROM "User" WHERE "role" NOT IN ('admin', 'reviewer', 'annotator');
SELECT ('Annotation.status must be pending, accepted or rejected, not: ' || "status")::date
  FROM "Annotation" WHERE "status" NOT IN ('pending', 'accepted', 'rejected');
SELECT ('Review.verdict must be agree or disagree, not: ' || "verdict")::date
  FROM "Review" WHERE "verdict" NOT IN ('agree', 'disagree');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('admin', 'reviewer', 'annotator');

-- CreateEnum
CREATE TYPE "AnnotationStatus" AS ENUM ('pending', 'accepted', 'rejected');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('agree', 'disagree');

-- AlterTable: a text default cannot be cast along with its column, so it is dropped first and set again after.
ALTER TABLE "Annotation" ALTER COLUMN "status" DROP DEFAULT,
ALTER COLUMN "status" TYPE "AnnotationStatus" USING "status"::"AnnotationStatus",
ALTER COLUMN "status" SET DEFAULT 'pending';

-- AlterTable
ALTER TABLE "Review" ALTER COLUMN "verdict" TYPE "Verdict" USING "verdict"::"Verdict";

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role" USING "role"::"Role";

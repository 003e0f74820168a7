import { copyTemplateDatabase } from "./support/test-database";

// Each test file gets a fresh, migrated, real database of the run's kind (test/global-setup.ts).
process.env.DATABASE_URL = await copyTemplateDatabase();
process.env.NEXTAUTH_SECRET ??= "test-secret-not-used-outside-tests-0123456789";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";

import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "./migrations";
import { databaseProvider } from "./url";

// The suite runs once per database (TEST_DATABASE), so each provider's migrations folder is checked on its own run.
describe("migrations", () => {
  it(`of ${databaseProvider()} produce exactly the schema in schema.prisma (the engine's diff is empty)`, async () => {
    expect(await diffMigrationsToSchema(databaseProvider())).toBe("");
  });
});

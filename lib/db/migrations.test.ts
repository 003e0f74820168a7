import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "./migrations";

describe("migrations", () => {
  it("produce exactly the schema in schema.prisma (the engine's diff is empty)", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  });
});

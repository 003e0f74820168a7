import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { schemaFor } from "./schema-source";

const sqlite = readFileSync(path.join(__dirname, "..", "..", "prisma", "schema.prisma"), "utf8");

describe("schemaFor", () => {
  it("keeps the SQLite schema as written", () => {
    expect(schemaFor("sqlite", sqlite)).toBe(sqlite);
  });

  it("changes only the provider and the client's output for PostgreSQL", () => {
    const pg = schemaFor("postgresql", sqlite);
    expect(pg).toMatch(/datasource db \{\s*provider = "postgresql"\s*\}/);
    expect(pg).toContain('output       = "./prisma-postgresql"');
    const changed = pg.split("\n").filter((line, i) => line !== sqlite.split("\n")[i]);
    expect(changed).toHaveLength(2);
  });

  it("refuses a schema whose datasource it cannot find", () => {
    expect(() => schemaFor("postgresql", "model A { id String @id }")).toThrow(/provider = "sqlite"/);
  });
});

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The client runs in the browser: nothing it imports for its values (type-only imports vanish when compiled) may
// reach the database, Prisma's client, password hashing, next-auth's server side or Node's own modules. The check
// follows the imports from lib/api-client/index.ts through every route.types.ts and schema module they use.

const ROOT = path.resolve(__dirname, "../..");

/** The modules a file imports for their values, as written ("@/lib/…", "./x", "zod"). */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    if (!statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypes =
        clause?.isTypeOnly ||
        (clause && !clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.every((e) => e.isTypeOnly));
      if (onlyTypes) continue;
    } else {
      const clause = statement.exportClause;
      if (statement.isTypeOnly || (clause && ts.isNamedExports(clause) && clause.elements.every((e) => e.isTypeOnly))) continue;
    }
    out.push(statement.moduleSpecifier.text);
  }
  return out;
}

function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith("@/") && !specifier.startsWith(".")) return null;
  const base = specifier.startsWith("@/") ? path.join(ROOT, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) if (existsSync(candidate)) return candidate;
  throw new Error(`${path.relative(ROOT, from)} imports ${specifier}, which was not found`);
}

/** Every project module and every package reached from `entry` through value imports. */
function reached(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (modules.has(file)) continue;
    modules.add(file);
    for (const specifier of valueImports(file)) {
      const next = resolve(file, specifier);
      if (next) queue.push(next);
      else packages.add(specifier);
    }
  }
  return { modules, packages };
}

function routeTypeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeTypeFiles(full);
    return name === "route.types.ts" ? [full] : [];
  });
}

const SERVER_ONLY = [/^lib\/db\//, /^lib\/generated\/prisma[^/]*\/(client|internal|models)/, /^lib\/auth\/(password|session|sessions|session-user)\.ts$/];

describe("the API client's imports", () => {
  const { modules, packages } = reached(path.join(ROOT, "lib/api-client/index.ts"));
  const relative = [...modules].map((m) => path.relative(ROOT, m));

  it("reach only zod among the packages", () => {
    expect([...packages].sort()).toEqual(["zod"]);
  });

  it("reach no server-only module", () => {
    expect(relative.filter((m) => SERVER_ONLY.some((pattern) => pattern.test(m)))).toEqual([]);
  });

  it("come through route.types.ts files that import only zod, request schemas, tags, the codebook and each other", () => {
    const files = routeTypeFiles(path.join(ROOT, "app/api"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      for (const specifier of valueImports(file)) {
        expect(specifier, path.relative(ROOT, file)).toMatch(
          /^(zod|@\/lib\/[\w/-]+\/schemas|@\/lib\/api-client\/same-type|@\/app\/api\/.+\/route\.types|@\/lib\/annotations\/(tags|codebook)|@\/lib\/generated\/prisma\/enums)$/,
        );
      }
    }
  });

  it("would notice a value import of server code (the check itself works)", () => {
    expect(valueImports(path.join(ROOT, "lib/users/change-password.ts"))).toContain("@/lib/db/client");
    expect(valueImports(path.join(ROOT, "app/api/annotations/[id]/route.types.ts"))).not.toContain("@/lib/annotations/serialize");
  });
});

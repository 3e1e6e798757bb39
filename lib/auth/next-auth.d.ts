import "next-auth";

declare module "next-auth" {
  // The session only carries the user id (see the session callback in lib/auth/options.ts).
  interface Session {
    user: { id: string };
  }
}

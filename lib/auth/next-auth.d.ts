import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  // The session only carries the user id (see the session callback in lib/auth/options.ts).
  interface Session {
    user: { id: string };
  }
  // What the Credentials provider returns: the user and the server-side session row it opened.
  interface User {
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  // `sid` names the server-side Session row (lib/auth/server-session.ts).
  interface JWT {
    sid?: string;
  }
}

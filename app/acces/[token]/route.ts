import { NextResponse, type NextRequest } from "next/server";
import { ACCESS_PAGE, accountLinkCookie, signAccountLinkCookie } from "@/lib/accounts/link-cookie";
import { findUsableTokenByToken } from "@/lib/accounts/tokens";
import { sessionCookieSettings } from "@/lib/auth/session-cookie";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

export const dynamic = "force-dynamic";

const PRIVATE_HEADERS = { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store, private" } as const;

// The link of an invitation or reset e-mail: swapped for a short cookie and a 303 to /acces, so
// the token never stays in the address bar, a Referer or a log. An invalid token lands on the
// same page, which then says the link is no longer valid.
export async function GET(_request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findUsableTokenByToken(db, token);
  const response = new NextResponse(null, { status: 303, headers: { ...PRIVATE_HEADERS, Location: ACCESS_PAGE } });
  const { name, options } = accountLinkCookie(sessionCookieSettings().secure);
  if (link) response.cookies.set(name, signAccountLinkCookie(link.id, getEnv().NEXTAUTH_SECRET), options);
  else response.cookies.set(name, "", { ...options, maxAge: 0 });
  return response;
}

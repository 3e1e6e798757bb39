// The client address and browser of the current request, for the session list and the log.
import "server-only";
import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import { getEnv } from "@/lib/env";

export async function requestMeta(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  return { ip: clientIp(h, getEnv().TRUST_PROXY), userAgent: h.get("user-agent")?.slice(0, 400) ?? null };
}

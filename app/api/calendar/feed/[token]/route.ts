import { calendarFeedResponse } from "@/lib/calendar/feed";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ token: string }> };

// The private ICS feed an external calendar subscribes to: public (the proxy leaves /api
// alone), authenticated by the secret token in its path alone.
export async function GET(_request: Request, context: RouteContext): Promise<Response> {
  const { token } = await context.params;
  return calendarFeedResponse(db, token);
}

import { apiRoute } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { userFromRequest } from "@/lib/auth/session-user";
import { openEventStream } from "@/lib/live/open-event-stream";

export const runtime = "nodejs";
// A stream per request, never cached or prerendered.
export const dynamic = "force-dynamic";

/** The caller's team's changes as server-sent events (docs/api.md, "Live updates"). */
export const GET = apiRoute(async ({ req, user }) =>
  openEventStream({
    user,
    signal: req.signal,
    // The same session check as every request, repeated while the stream stays open.
    stillAuthorized: async () => (await userFromRequest(req))?.id === user.id,
  }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");

/**
 * Cross-site server-action posts (issue 18 item 4). Next.js refuses them too, but as an HTTP 500
 * with nothing recorded; the proxy answers 403 and audits instead. The rule is Next's own
 * (app-render/action-handler.ts), so the two agree: a POST that may be a server action and carries
 * an Origin whose host is not the request's host (the first `x-forwarded-host`, else `host`) is
 * refused, and so is the opaque origin "null" (sandboxed frames, some redirects, data: URLs). A POST
 * without Origin passes, as in Next: browsers send Origin on every POST, so only a hand-made request
 * lacks it, and that cannot carry someone else's cookies.
 */

export interface RequestShape {
  method: string;
  pathname: string;
  headers: Headers;
}

export interface CrossOriginRefusal {
  origin: string;
  host: string | null;
  /** The Next-Action header (the action's id), when the post was a fetch action. */
  actionId: string | null;
}

/** Route handlers under /api are not server actions (next-auth checks its own CSRF token). */
function mayBeServerAction({ method, pathname, headers }: RequestShape): boolean {
  if (method !== "POST" || pathname === "/api" || pathname.startsWith("/api/")) return false;
  const contentType = headers.get("content-type") ?? "";
  return (
    headers.has("next-action") ||
    contentType.startsWith("multipart/form-data") ||
    contentType.startsWith("application/x-www-form-urlencoded")
  );
}

function originHost(origin: string): string | null {
  if (origin === "null") return null;
  try {
    return new URL(origin).host;
  } catch {
    return null; // unparseable: treated like an opaque origin
  }
}

function requestHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

/** Why this request must be refused as cross-origin, or null when it may go on. */
export function crossOriginActionRefusal(request: RequestShape): CrossOriginRefusal | null {
  if (!mayBeServerAction(request)) return null;
  return crossOriginRefusal(request.headers);
}

/** The same rule for a route handler that writes (e.g. the streamed import): another site's Origin is refused. */
export function crossOriginRefusal(headers: Headers): CrossOriginRefusal | null {
  const origin = headers.get("origin");
  if (origin === null) return null;
  const host = requestHost(headers);
  const fromHost = originHost(origin);
  if (fromHost !== null && host !== null && fromHost === host) return null;
  return {
    origin: origin.slice(0, 200),
    host: host?.slice(0, 200) ?? null,
    actionId: headers.get("next-action"),
  };
}

export const CROSS_ORIGIN_MESSAGE =
  "This request came from another website, so it was refused. Open Recovery Tracker and try again there.";

import { NextResponse, type NextRequest } from "next/server";
import { CROSS_ORIGIN_MESSAGE, crossOriginActionRefusal } from "@/server/csrf/action-origin";

// next-auth's session cookie (the __Secure- form is used over https).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

// Reachable without a session: sign-in, next-auth, the health check, the token-authenticated read API, public files.
const PUBLIC_PATHS =
  /^\/(sign-in|api\/auth|api\/health|api\/v1\/|favicon\.(ico|svg)|robots\.txt|manifest\.webmanifest)/;

/**
 * 1. A server action posted from another site is refused with 403 and audited (Next would answer 500).
 * 2. A quick gate only: requests without a session cookie go to sign-in, keeping where they were going.
 *    Pages still check the session properly with requireActor().
 */
export async function proxy(request: NextRequest) {
  const refusal = crossOriginActionRefusal({
    method: request.method,
    pathname: request.nextUrl.pathname,
    headers: request.headers,
  });
  if (refusal) {
    // Loaded only here, so the ordinary request does not pay for the database client.
    const { recordCrossOriginRefusal } = await import("@/server/csrf/record-cross-origin-refusal");
    await recordCrossOriginRefusal(request, refusal);
    return new NextResponse(CROSS_ORIGIN_MESSAGE, {
      status: 403,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }

  if (PUBLIC_PATHS.test(request.nextUrl.pathname)) return NextResponse.next();
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") signIn.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything but Next's own assets: server actions are checked on every page, sign-in included.
  matcher: ["/((?!_next/).*)"],
};

import { NextResponse, type NextRequest } from "next/server";

// next-auth's session cookie (the __Secure- form is used over https).
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

/**
 * A quick gate only: requests without a session cookie go to sign-in, keeping where they
 * were going. Pages still check the session properly with requireActor().
 */
export function proxy(request: NextRequest) {
  if (SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") signIn.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything except sign-in, next-auth, the health check, the token-authenticated read API and static assets.
  matcher: ["/((?!sign-in|api/auth|api/health|api/v1/|_next/|icon.svg|favicon.ico).*)"],
};

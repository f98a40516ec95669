import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/env";
import { ssoProvider, ssoSignIn, ssoSessionId } from "@/modules/sso/sso-provider";
import { createSession, endSession } from "./sessions";
import { INVALID_CREDENTIALS_MESSAGE, lockedMessage, verifyCredentials } from "./verify-credentials";

/**
 * next-auth with email + password, and single sign-on when OIDC_* is set (modules/sso). The JWT cookie only carries the id of a session row
 * in the database, so sign-out, expiry and deactivation take effect on every instance.
 */
export function authOptions(): NextAuthOptions {
  const maxAge = env().SESSION_MAX_AGE_MINUTES * 60;
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge },
    jwt: { maxAge },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials) {
          const email = credentials?.email ?? "";
          const password = credentials?.password ?? "";
          if (!email || !password || email.length > 254 || password.length > 200) {
            throw new Error(INVALID_CREDENTIALS_MESSAGE);
          }
          const result = await verifyCredentials(email, password);
          if (!result.ok) {
            // next-auth passes a thrown message to the sign-in form as `error`.
            throw new Error(result.reason === "locked" ? lockedMessage(result.minutes) : INVALID_CREDENTIALS_MESSAGE);
          }
          const session = await createSession(result.userId);
          return { id: result.userId, sessionId: session.id };
        },
      }),
      ...ssoProvider(),
    ],
    callbacks: {
      signIn: ssoSignIn,
      async jwt({ token, user, account }) {
        if (user && "sessionId" in user) token.sid = user.sessionId as string;
        const sso = await ssoSessionId(account, user);
        if (sso) token.sid = sso;
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSession(token.sid);
      },
    },
  };
}

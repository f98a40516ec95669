import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/auth-options";

// Built per request so the options read the environment at run time, not build time.
function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request as never, context as never, authOptions());
}

export { handler as GET, handler as POST };

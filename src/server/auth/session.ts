import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { routes } from "@/server/routes";
import type { Actor } from "./actor";
import { authOptions } from "./auth-options";
import { loadActor } from "./load-actor";
import { findSessionUserId } from "./sessions";

/** The acting user of this request, or null. Cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions())) as { sid?: unknown } | null;
  if (!session || typeof session.sid !== "string") return null;
  const userId = await findSessionUserId(session.sid);
  return userId ? loadActor(userId) : null;
});

/** For pages: the actor, or a redirect to sign in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(routes.signIn);
  return actor;
}

import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { routes } from "@/server/routes";
import type { Actor } from "./actor";
import { authOptions } from "./auth-options";
import { loadActor } from "./load-actor";
import { findSessionUserId } from "./sessions";

/**
 * Whoever is signed in on this request, with the session's id, even when an administrator has
 * required a new password. Only the new-password page and its action use it directly.
 */
export const getSignedInActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions())) as { sid?: unknown } | null;
  if (!session || typeof session.sid !== "string") return null;
  const userId = await findSessionUserId(session.sid);
  const actor = userId ? await loadActor(userId) : null;
  return actor ? { ...actor, sessionId: session.sid } : null;
});

/**
 * The acting user of this request, or null. Cached per request. Someone who must choose a new
 * password first counts as nobody here, so route handlers (exports) refuse them too.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const actor = await getSignedInActor();
  return actor && !actor.mustChangePassword ? actor : null;
});

/** For pages: the actor, or a redirect to sign in (or to choose the new password an administrator required). */
export async function requireActor(): Promise<Actor> {
  const actor = await getSignedInActor();
  if (!actor) redirect(routes.signIn);
  if (actor.mustChangePassword) redirect(routes.newPassword);
  return actor;
}

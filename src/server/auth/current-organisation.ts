import { cookies } from "next/headers";
import type { Actor, ActorOrganisation } from "./actor";

export const CURRENT_ORGANISATION_COOKIE = "rt-org";

/** The organisation the user is working in: their choice if they can see it, else the first. */
export async function currentOrganisation(actor: Actor): Promise<ActorOrganisation | undefined> {
  const chosen = (await cookies()).get(CURRENT_ORGANISATION_COOKIE)?.value;
  return actor.organisations.find((o) => o.id === chosen) ?? actor.organisations[0];
}

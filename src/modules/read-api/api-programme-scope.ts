import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";

/**
 * Programmes inside an API scope (organisation ids already checked by apiScope): those owned by
 * the organisations, and the shared programmes of their systems (organisation null).
 */
export function programmeApiWhere(actor: Actor, scope: readonly string[]): Prisma.ProgrammeWhereInput {
  const systems = [...new Set(actor.organisations.filter((o) => scope.includes(o.id)).map((o) => o.systemId))];
  return {
    OR: [{ organisationId: { in: [...scope] } }, { organisationId: null, systemId: { in: systems } }],
  };
}

export const PROGRAMME_SCOPE_DOC =
  "Organisation ids, comma-separated (at most 100); default: every organisation the token can read. Shared programmes of those organisations' systems are included.";

import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { DomainError } from "@/server/errors";

/** The unique facts of an organisation, with the form field each is entered in. */
export interface OrganisationIdentity {
  name: string;
  code: string;
  odsCode: string;
  fields?: { name: string; code: string; odsCode: string };
}

const MESSAGES = {
  code: "Another organisation already uses this short code",
  odsCode: "Another organisation already has this ODS code",
  name: "An organisation with this name already exists",
} as const;

/**
 * The first field whose value another organisation already holds (short code, ODS code, name,
 * any case), as a CONFLICT on that field; null when none does. Run before the write and again
 * after a unique violation (two administrators at once), so the user is told which field clashed.
 */
export async function organisationClash(
  identity: OrganisationIdentity,
  client: Prisma.TransactionClient | ReturnType<typeof db> = db(),
): Promise<DomainError | null> {
  const found = await client.organisation.findMany({
    where: {
      OR: [
        { code: { equals: identity.code, mode: "insensitive" } },
        { odsCode: identity.odsCode },
        { name: { equals: identity.name, mode: "insensitive" } },
      ],
    },
    select: { name: true, code: true, odsCode: true },
  });
  const fields = identity.fields ?? { name: "name", code: "code", odsCode: "odsCode" };
  const same = (a: string | null, b: string) => a !== null && a.toLowerCase() === b.toLowerCase();
  for (const key of ["code", "odsCode", "name"] as const) {
    if (found.some((o) => same(o[key], identity[key]))) {
      return new DomainError("CONFLICT", MESSAGES[key], { [fields[key]]: [MESSAGES[key]] });
    }
  }
  return null;
}

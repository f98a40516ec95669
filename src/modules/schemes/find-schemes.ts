import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { schemeScope } from "./scheme-access";

/** Schemes the actor can see, newest code first (the filtered register replaces this list). */
export async function findSchemes(actor: Actor) {
  return db().scheme.findMany({
    where: schemeScope(actor),
    orderBy: [{ organisation: { code: "asc" } }, { codeNumber: "desc" }],
    take: 500,
    select: {
      id: true,
      code: true,
      title: true,
      stage: true,
      rag: true,
      fullYearEffectPence: true,
      inYearValuePence: true,
      organisation: { select: { code: true } },
    },
  });
}

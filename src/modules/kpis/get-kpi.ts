import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { programmeScope } from "@/modules/programmes/programme-access";
import { schemeScope } from "@/modules/schemes/scheme-access";

/** A programme's, workstream's or scheme's KPI (a scheme's quality indicators too), in scope. */
export async function getKpi(actor: Actor, kpiId: string) {
  const kpi = await db().kpi.findFirst({
    where: { id: kpiId, OR: [{ programme: programmeScope(actor) }, { scheme: schemeScope(actor) }] },
    include: {
      programme: { select: { id: true, name: true, organisationId: true, systemId: true } },
      workstream: { select: { id: true, name: true } },
      scheme: { select: { id: true, title: true, code: true, organisationId: true, leadId: true } },
      ownerLead: { select: { title: true, userId: true } },
      points: { orderBy: [{ financialYear: "asc" }, { month: "asc" }] },
    },
  });
  if (!kpi) throw notFound("The KPI");
  return kpi;
}

import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { notFound } from "@/server/errors";
import { programmeScope } from "@/modules/programmes/programme-access";

export async function getKpi(actor: Actor, kpiId: string) {
  const kpi = await db().kpi.findFirst({
    where: { id: kpiId, programme: programmeScope(actor) },
    include: {
      programme: { select: { id: true, name: true, organisationId: true, systemId: true } },
      workstream: { select: { id: true, name: true } },
      ownerLead: { select: { title: true, userId: true } },
      points: { orderBy: [{ financialYear: "asc" }, { month: "asc" }] },
    },
  });
  // Scheme KPIs are shown on the scheme page; this page is for programme and workstream KPIs.
  if (!kpi?.programme) throw notFound("The KPI");
  return { ...kpi, programme: kpi.programme };
}

import type { SpcSubject } from "@/generated/prisma/enums";
import { can, visibleOrganisationIds, type Actor } from "@/server/auth/actor";
import { rolesHaveCapability } from "@/server/auth/permissions";
import type { Tx } from "@/server/db";
import { notFound } from "@/server/errors";
import { canManageProgramme, programmeScope, visibleSystemIds } from "@/modules/programmes/programme-access";
import { schemeScope } from "@/modules/schemes/scheme-access";
import { routes } from "@/server/routes";

/** What a chart plots, found in the actor's scope: who may configure it and where it is shown. */
export interface SpcSubjectInfo {
  subject: SpcSubject;
  subjectId: string;
  name: string;
  /** The organisation audit events name (null for a system programme's KPI or a system's savings). */
  organisationId: string | null;
  /** Finance/PMO of the owner: the KPI's programme managers or scheme finance, savings finance. */
  canConfigure: boolean;
  /** Pages that draw the chart, to revalidate after a change. */
  pages: string[];
}

/** A KPI's chart: its scheme's finance/PMO, or its programme's managers. */
export function canConfigureKpiChart(
  actor: Actor,
  kpi: {
    scheme: { organisationId: string } | null;
    programme: { organisationId: string | null; systemId: string } | null;
  },
): boolean {
  if (kpi.scheme) return can(actor, "scheme.edit.any", kpi.scheme.organisationId);
  return kpi.programme !== null && canManageProgramme(actor, kpi.programme);
}

/** The system's savings chart: finance at the system's ICB. */
export function canConfigureSystemSavings(actor: Actor, systemId: string): boolean {
  return actor.organisations.some(
    (o) => o.type === "ICB" && o.systemId === systemId && rolesHaveCapability(o.roles, "target.manage"),
  );
}

/**
 * Who configures a chart: a programme KPI's managers (finance/PMO, admin); a scheme KPI's
 * finance/PMO (scheme.edit.any); an organisation's savings its finance ("target.manage"); the
 * system's savings finance at the system's ICB. Charts outside the actor's scope are not found.
 */
export async function findSpcSubject(
  tx: Tx,
  actor: Actor,
  subject: SpcSubject,
  subjectId: string,
): Promise<SpcSubjectInfo> {
  const shared = [routes.board, routes.dashboard];
  if (subject === "KPI") {
    const kpi = await tx.kpi.findFirst({
      where: { id: subjectId, OR: [{ programme: programmeScope(actor) }, { scheme: schemeScope(actor) }] },
      select: {
        id: true,
        name: true,
        programme: { select: { organisationId: true, systemId: true } },
        scheme: { select: { id: true, organisationId: true } },
      },
    });
    if (!kpi) throw notFound("The KPI");
    if (kpi.scheme) {
      return {
        subject,
        subjectId,
        name: kpi.name,
        organisationId: kpi.scheme.organisationId,
        canConfigure: canConfigureKpiChart(actor, kpi),
        pages: [routes.kpi(kpi.id), routes.scheme(kpi.scheme.id), routes.schemeQia(kpi.scheme.id), ...shared],
      };
    }
    if (!kpi.programme) throw notFound("The KPI");
    return {
      subject,
      subjectId,
      name: kpi.name,
      organisationId: kpi.programme.organisationId,
      canConfigure: canConfigureKpiChart(actor, kpi),
      pages: [routes.kpi(kpi.id), ...shared],
    };
  }
  if (subject === "ORGANISATION_SAVINGS") {
    if (!visibleOrganisationIds(actor).includes(subjectId)) throw notFound("The organisation");
    const organisation = await tx.organisation.findUnique({ where: { id: subjectId }, select: { name: true } });
    if (!organisation) throw notFound("The organisation");
    return {
      subject,
      subjectId,
      name: `Savings delivered: ${organisation.name}`,
      organisationId: subjectId,
      canConfigure: can(actor, "target.manage", subjectId),
      pages: shared,
    };
  }
  if (!visibleSystemIds(actor).includes(subjectId)) throw notFound("The system");
  const system = await tx.healthSystem.findUnique({ where: { id: subjectId }, select: { name: true } });
  if (!system) throw notFound("The system");
  return {
    subject,
    subjectId,
    name: `Savings delivered: ${system.name}`,
    organisationId: null,
    canConfigure: canConfigureSystemSavings(actor, subjectId),
    pages: shared,
  };
}

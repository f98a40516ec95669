import { financialYearOf } from "../../../src/lib/financial-year";
import { findActivities, findVisibleLeads } from "../../../src/modules/activities/find-activities";
import { routeMapYears } from "../../../src/modules/activities/route-map";
import { routeMapQuerySchema } from "../../../src/modules/activities/route-map-filter";
import { findProgrammes } from "../../../src/modules/programmes/find-programmes";
import { countOpenSchemeRisks, findRisks, riskHeatmapCounts } from "../../../src/modules/risks/find-risks";
import { canManageRisk } from "../../../src/modules/risks/risk-access";
import { riskQuerySchema } from "../../../src/modules/risks/risk-filter";
import { schemeFinancialsView } from "../../../src/modules/schemes/financials/scheme-financials-view";
import { getScheme } from "../../../src/modules/schemes/get-scheme";
import { canEditScheme } from "../../../src/modules/schemes/scheme-access";
import { schemeFormOptions } from "../../../src/modules/schemes/scheme-form-options";
import { getGatewayPanel } from "../../../src/modules/gateways/get-gateway-panel";
import { getAssessmentSummary } from "../../../src/modules/quality/get-scheme-qia";
import type { Actor } from "../../../src/server/auth/actor";

/** The data loading of the other measured pages, call for call as their page.tsx does it. */

/** src/app/(app)/schemes/[schemeId]/page.tsx */
export async function loadSchemePage(actor: Actor, schemeId: string, now: Date) {
  const scheme = await getScheme(actor, schemeId);
  const editable = canEditScheme(actor, scheme);
  const openRisks = await countOpenSchemeRisks(scheme.id);
  const mayRaiseRisk = canManageRisk(actor, {
    organisationId: scheme.organisationId,
    systemId: scheme.organisation.systemId,
  });
  const [options, financials, gateway, assessments] = await Promise.all([
    editable ? schemeFormOptions(scheme.organisationId, now) : null,
    schemeFinancialsView(actor, scheme, now),
    getGatewayPanel(actor, scheme, now),
    getAssessmentSummary(actor, scheme.id),
  ]);
  return { scheme, openRisks, mayRaiseRisk, options, financials, gateway, assessments };
}

/** The heatmap of src/app/(app)/risks/page.tsx (riskHeatmapCounts, default filter: open risks, current scores). */
export async function loadRiskHeatmap(actor: Actor, now: Date) {
  return riskHeatmapCounts(actor, riskQuerySchema.parse({}), now);
}

/** The whole risk register page: the register's page and count, the heatmap, the programme list. */
export async function loadRiskRegisterPage(actor: Actor, now: Date) {
  const query = riskQuerySchema.parse({});
  return Promise.all([
    findRisks(actor, query, now),
    riskHeatmapCounts(actor, query, now),
    findProgrammes(actor, financialYearOf(now)),
  ]);
}

/** src/app/(app)/route-map/page.tsx with no filter: every activity the actor can see. */
export async function loadRouteMap(actor: Actor, now: Date) {
  const query = routeMapQuerySchema.parse({});
  const [activities, leads, programmes] = await Promise.all([
    findActivities(
      actor,
      { programmeId: query.programme, leadId: query.lead, status: query.status, mine: query.mine },
      now,
    ),
    findVisibleLeads(actor),
    findProgrammes(actor, financialYearOf(now)),
  ]);
  return { activities, leads, programmes, years: routeMapYears(activities, now, { from: query.from, to: query.to }) };
}

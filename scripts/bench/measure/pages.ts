import { financialYearOf } from "../../../src/lib/financial-year";
import { findVisibleLeads } from "../../../src/modules/activities/find-activities";
import { findRouteMapPage } from "../../../src/modules/activities/find-route-map";
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

/**
 * src/app/(app)/route-map/page.tsx for the whole system ("All organisations"), default years
 * (this financial year and the next): the counts and the first page.
 */
export async function loadRouteMap(actor: Actor, now: Date) {
  const query = routeMapQuerySchema.parse({ org: "all" });
  const years = routeMapYears(now, { from: query.from, to: query.to });
  const [map, leads, programmes] = await Promise.all([
    findRouteMapPage(
      actor,
      {
        organisation: null,
        programmeId: query.programme,
        leadId: query.lead,
        status: query.status,
        mine: query.mine,
        years,
        includeOngoing: query.ongoing === "include",
        page: query.page,
      },
      now,
    ),
    findVisibleLeads(actor),
    findProgrammes(actor, financialYearOf(now)),
  ]);
  return { activities: map.rows, total: map.total, leads, programmes, years };
}

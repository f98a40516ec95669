import { activitiesEndpoint } from "./endpoints/activities-endpoint";
import { dashboardEndpoint } from "./endpoints/dashboard-endpoint";
import { gatewayDecisionsEndpoint } from "./endpoints/gateway-decisions-endpoint";
import { kpisEndpoint } from "./endpoints/kpis-endpoint";
import { qiaStatusEndpoint } from "./endpoints/qia-status-endpoint";
import { risksEndpoint } from "./endpoints/risks-endpoint";
import { savingsTargetsEndpoint } from "./endpoints/savings-targets-endpoint";
import { schemeMonthsEndpoint } from "./endpoints/scheme-months-endpoint";
import { schemesEndpoint } from "./endpoints/schemes-endpoint";
import type { ReadEndpoint } from "./read-endpoint";

/** Every endpoint of /api/v1, in the order the OpenAPI description lists them. */
export const READ_ENDPOINTS: readonly ReadEndpoint[] = [
  schemesEndpoint,
  schemeMonthsEndpoint,
  savingsTargetsEndpoint,
  dashboardEndpoint,
  risksEndpoint,
  activitiesEndpoint,
  kpisEndpoint,
  gatewayDecisionsEndpoint,
  qiaStatusEndpoint,
] as unknown as readonly ReadEndpoint[];

import { routes } from "@/server/routes";

/**
 * Where a user fixes a failed criterion: the scheme form, the financials grid, the QIA or EIA,
 * the milestones or KPIs, the risk register. Keys are those of gateway-rules.ts.
 */
export function criterionFixHref(key: string, schemeId: string): string {
  const scheme = routes.scheme(schemeId);
  if (key.startsWith("qia-")) return routes.schemeQia(schemeId);
  if (key.startsWith("eia-")) return routes.schemeEia(schemeId);
  switch (key) {
    case "plan-entered":
    case "plan-adds-up":
    case "actuals":
      return `${scheme}#financials`;
    case "activities":
      return `${scheme}#milestones`;
    case "kpis":
      return `${scheme}#kpis`;
    case "risks":
      return `${routes.newRisk}?scheme=${schemeId}`;
    case "benefit-validated":
      return `${scheme}#gateway`;
    default:
      return `${scheme}#edit-scheme`;
  }
}

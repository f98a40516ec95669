import { formatFinancialYear } from "@/lib/financial-year";
import { dashboardPageSelection } from "@/modules/dashboards/dashboard-page-selection";
import { financeDashboardXlsx } from "@/modules/dashboards/finance-dashboard-xlsx";
import { xlsxResponse } from "@/modules/spreadsheets/xlsx-response";
import { canAnywhere } from "@/server/auth/actor";
import { getActor } from "@/server/auth/session";

export const dynamic = "force-dynamic";

/** The finance dashboard's figures (same ?organisation and ?year as the page) as a workbook for a board pack. */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return new Response("Sign in to export the dashboard.", { status: 401 });
  if (!canAnywhere(actor, "dashboard.view"))
    return new Response("You do not have access to the dashboard.", { status: 403 });
  const now = new Date();
  const selection = await dashboardPageSelection(actor, Object.fromEntries(new URL(request.url).searchParams), now);
  const name = selection.organisationId
    ? (selection.organisations.find((o) => o.id === selection.organisationId)?.name ?? "")
    : "All my organisations";
  const buffer = await financeDashboardXlsx(selection.scope, name, selection.year, now);
  const stamp = `${formatFinancialYear(selection.year).replace("/", "-")}-${now.toISOString().slice(0, 10)}`;
  return xlsxResponse(buffer, `finance-dashboard-${stamp}.xlsx`);
}

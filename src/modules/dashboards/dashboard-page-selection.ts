import type { Actor } from "@/server/auth/actor";
import { currentOrganisation } from "@/server/auth/current-organisation";
import { configuredYearRange } from "@/server/financial-year-range";
import { dashboardSelection, type DashboardSelection } from "./finance-dashboard-view";

/** What the dashboard and the board summary show, from their URL: the actor's current organisation and the service's year range. */
export async function dashboardPageSelection(
  actor: Actor,
  raw: Record<string, string | string[] | undefined>,
  now: Date,
): Promise<DashboardSelection> {
  return dashboardSelection(actor, raw, (await currentOrganisation(actor))?.id, now, configuredYearRange(now));
}

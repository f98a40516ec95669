import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/page-header";
import { financialYearOf, formatFinancialYear, quarterIndex, quarterOf } from "@/lib/financial-year";
import { ACTIVITY_STATUSES, ACTIVITY_STATUS_LABELS } from "@/modules/activities/activity-status";
import { RouteMapGrid } from "@/modules/activities/components/route-map-grid";
import { findActivities, findVisibleLeads } from "@/modules/activities/find-activities";
import { routeMapYears } from "@/modules/activities/route-map";
import { routeMapQuerySchema } from "@/modules/activities/route-map-filter";
import { findProgrammes } from "@/modules/programmes/find-programmes";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Route map" };

const selectClass = "mt-1 block rounded border-2 border-nhs-text bg-white px-2 py-1.5";

export default async function RouteMapPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const query = routeMapQuerySchema.parse(await searchParams);
  const now = new Date();
  const [activities, leads, programmes] = await Promise.all([
    findActivities(actor, { programmeId: query.programme, leadId: query.lead, status: query.status, mine: query.mine }, now),
    findVisibleLeads(actor),
    findProgrammes(actor, financialYearOf(now)),
  ]);
  const years = routeMapYears(activities, now, { from: query.from, to: query.to });
  const yearOptions = Array.from({ length: 12 }, (_, i) => years.from - 5 + i);
  const overdue = activities.filter((a) => a.overdue).length;
  return (
    <>
      <PageHeader title="Route map" caption={`${activities.length} activities · ${overdue} overdue`} />
      <Card>
        <form method="get" action={routes.routeMap} className="flex flex-wrap items-end gap-4" aria-label="Filter the route map">
          <label className="font-semibold">
            Programme
            <select name="programme" defaultValue={query.programme ?? ""} className={selectClass}>
              <option value="">All programmes</option>
              {programmes.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <label className="font-semibold">
            Lead
            <select name="lead" defaultValue={query.lead ?? ""} className={selectClass}>
              <option value="">All leads</option>
              {leads.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.title}
                </option>
              ))}
            </select>
          </label>
          <label className="font-semibold">
            Status
            <select name="status" defaultValue={query.status ?? ""} className={selectClass}>
              <option value="">Any status</option>
              {ACTIVITY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ACTIVITY_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label className="font-semibold">
            Group by
            <select name="group" defaultValue={query.group} className={selectClass}>
              <option value="programme">Programme</option>
              <option value="workstream">Workstream</option>
            </select>
          </label>
          <label className="font-semibold">
            From
            <select name="from" defaultValue={formatFinancialYear(years.from)} className={selectClass}>
              {yearOptions.map((fy) => (
                <option key={fy}>{formatFinancialYear(fy)}</option>
              ))}
            </select>
          </label>
          <label className="font-semibold">
            To
            <select name="to" defaultValue={formatFinancialYear(years.to)} className={selectClass}>
              {yearOptions.map((fy) => (
                <option key={fy}>{formatFinancialYear(fy)}</option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2 font-semibold">
            <input type="checkbox" name="mine" value="1" defaultChecked={query.mine} className="h-5 w-5" />
            Only my activities
          </label>
          <button type="submit" className="rounded bg-nhs-blue px-4 py-2 font-semibold text-white">
            Show
          </button>
        </form>
      </Card>
      <Card>
        {activities.length === 0 ? (
          <p>No activities match these filters.</p>
        ) : (
          <RouteMapGrid activities={activities} years={years} groupBy={query.group} currentQuarter={quarterIndex(quarterOf(now))} />
        )}
      </Card>
    </>
  );
}

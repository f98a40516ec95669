import type { Metadata } from "next";
import { FilterSelect } from "@/components/ui/filter-select";
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
import { selectableYears } from "@/server/financial-year-range";

export const metadata: Metadata = { title: "Route map" };

export default async function RouteMapPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const query = routeMapQuerySchema.parse(await searchParams);
  const now = new Date();
  const [activities, leads, programmes] = await Promise.all([
    findActivities(
      actor,
      { programmeId: query.programme, leadId: query.lead, status: query.status, mine: query.mine },
      now,
    ),
    findVisibleLeads(actor),
    findProgrammes(actor, financialYearOf(now)),
  ]);
  const years = routeMapYears(activities, now, { from: query.from, to: query.to });
  // The service's range, oldest first (a timeline reads left to right), plus the years shown.
  const yearOptions = [...new Set([...selectableYears(now), years.from, years.to])]
    .sort((a, b) => a - b)
    .map((fy) => ({ value: formatFinancialYear(fy), label: formatFinancialYear(fy) }));
  const overdue = activities.filter((a) => a.overdue).length;
  return (
    <>
      <PageHeader title="Route map" caption={`${activities.length} activities · ${overdue} overdue`} />
      <Card>
        <form
          method="get"
          action={routes.routeMap}
          className="flex flex-wrap items-end gap-4"
          aria-label="Filter the route map"
        >
          <FilterSelect
            label="Programme"
            name="programme"
            value={query.programme}
            options={[
              { value: "", label: "All programmes" },
              ...programmes.map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
          <FilterSelect
            label="Lead"
            name="lead"
            value={query.lead}
            options={[{ value: "", label: "All leads" }, ...leads.map((l) => ({ value: l.id, label: l.title }))]}
          />
          <FilterSelect
            label="Status"
            name="status"
            value={query.status}
            options={[
              { value: "", label: "Any status" },
              ...ACTIVITY_STATUSES.map((s) => ({ value: s, label: ACTIVITY_STATUS_LABELS[s] })),
            ]}
          />
          <FilterSelect
            label="Group by"
            name="group"
            value={query.group}
            options={[
              { value: "programme", label: "Programme" },
              { value: "workstream", label: "Workstream" },
            ]}
          />
          <FilterSelect label="From" name="from" value={formatFinancialYear(years.from)} options={yearOptions} />
          <FilterSelect label="To" name="to" value={formatFinancialYear(years.to)} options={yearOptions} />
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
          <RouteMapGrid
            activities={activities}
            years={years}
            groupBy={query.group}
            currentQuarter={quarterIndex(quarterOf(now))}
          />
        )}
      </Card>
    </>
  );
}

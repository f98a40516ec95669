import type { Metadata } from "next";
import Link from "next/link";
import { FilterSelect } from "@/components/ui/filter-select";
import { Card, PageHeader } from "@/components/ui/page-header";
import { financialYearOf, formatFinancialYear, quarterIndex, quarterOf } from "@/lib/financial-year";
import { countOf } from "@/lib/plural";
import { formatYearParam } from "@/lib/financial-year-range";
import { ACTIVITY_STATUSES, ACTIVITY_STATUS_LABELS } from "@/modules/activities/activity-status";
import { RouteMapGrid } from "@/modules/activities/components/route-map-grid";
import { findVisibleLeads } from "@/modules/activities/find-activities";
import { findRouteMapPage, findRouteMapSpan, ROUTE_MAP_PAGE_SIZE } from "@/modules/activities/find-route-map";
import { routeMapYears } from "@/modules/activities/route-map";
import { routeMapQuerySchema } from "@/modules/activities/route-map-filter";
import { findProgrammes } from "@/modules/programmes/find-programmes";
import { currentOrganisation } from "@/server/auth/current-organisation";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";
import { selectableYears } from "@/server/financial-year-range";

export const metadata: Metadata = { title: "Route map" };

type SearchParams = Record<string, string | string[] | undefined>;

/** The same route map with some parameters changed (every other filter kept; page 1 unless given). */
function hrefWith(params: SearchParams, changes: Record<string, string>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (key === "page" || key in changes || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  }
  for (const [key, value] of Object.entries(changes)) if (!(key === "page" && value === "1")) search.set(key, value);
  const text = search.toString();
  return text ? `${routes.routeMap}?${text}` : routes.routeMap;
}
const pageHref = (params: SearchParams, page: number) => hrefWith(params, { page: String(page) });

export default async function RouteMapPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const query = routeMapQuerySchema.parse(params);
  const now = new Date();
  // Default: the user's own (current) organisation; "my activities" look across all of them.
  const own = await currentOrganisation(actor);
  const chosen =
    query.org === "all" || (query.org === undefined && query.mine)
      ? null
      : (actor.organisations.find((o) => o.id === (query.org ?? own?.id)) ?? null);
  const due = query.due.kind === "quarters" ? { from: query.due.from, to: query.due.to } : undefined;
  const selection = {
    organisation: chosen ? { id: chosen.id, systemId: chosen.systemId } : null,
    programmeId: query.programme,
    leadId: query.lead,
    status: query.status,
    leads: query.leads,
    mine: query.mine,
    due,
  };
  // "My activities" are shown over their own years unless others are asked for.
  const ownYears =
    query.mine && query.from === undefined && query.to === undefined && !due
      ? await findRouteMapSpan(actor, selection)
      : null;
  const years = routeMapYears(now, ownYears ?? { from: query.from, to: query.to }, due);
  const [map, leads, programmes] = await Promise.all([
    findRouteMapPage(
      actor,
      { ...selection, years, includeOngoing: query.ongoing === "include", page: query.page },
      now,
    ),
    findVisibleLeads(actor),
    findProgrammes(actor, financialYearOf(now)),
  ]);
  // An empty map points at the years where this selection's activities are.
  const elsewhere = map.total === 0 ? await findRouteMapSpan(actor, selection) : null;
  // The service's range, oldest first (a timeline reads left to right), plus the years shown.
  const yearOptions = [...new Set([...selectableYears(now), years.from, years.to])]
    .sort((a, b) => a - b)
    .map((fy) => ({ value: formatFinancialYear(fy), label: formatFinancialYear(fy) }));
  const range =
    years.from === years.to
      ? formatFinancialYear(years.from)
      : `${formatFinancialYear(years.from)} to ${formatFinancialYear(years.to)}`;
  const first = (map.page - 1) * ROUTE_MAP_PAGE_SIZE + 1;
  return (
    <>
      <PageHeader
        title="Route map"
        caption={`${countOf(map.total, "activity", "activities")} in ${range} · ${map.overdue} overdue`}
      />
      <Card>
        <form
          method="get"
          action={routes.routeMap}
          className="flex flex-wrap items-end gap-4"
          aria-label="Filter the route map"
        >
          <FilterSelect
            label="Organisation"
            name="org"
            value={chosen?.id ?? "all"}
            options={[
              { value: "all", label: "All organisations" },
              ...actor.organisations.map((o) => ({ value: o.id, label: o.name })),
            ]}
          />
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
            label="Sole or joint lead"
            name="leads"
            value={query.leads}
            options={[
              { value: "", label: "Either" },
              { value: "sole", label: "Sole lead" },
              { value: "joint", label: "Joint leads" },
            ]}
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
          <label className="font-semibold">
            Due in
            <span className="block text-sm font-normal text-nhs-secondary">e.g. Q3 2021/22, or Q1 - Q4 2022/23</span>
            <input
              type="text"
              name="due"
              defaultValue={query.due.kind === "none" ? "" : query.due.text}
              aria-invalid={query.due.kind === "unreadable" || undefined}
              aria-describedby={query.due.kind === "unreadable" ? "due-error" : undefined}
              className="mt-1 block w-48 rounded border-2 border-nhs-text px-2 py-1.5 font-normal"
            />
          </label>
          <FilterSelect label="From" name="from" value={formatFinancialYear(years.from)} options={yearOptions} />
          <FilterSelect label="To" name="to" value={formatFinancialYear(years.to)} options={yearOptions} />
          <FilterSelect
            label="Ongoing activities"
            name="ongoing"
            value={query.ongoing}
            options={[
              { value: "include", label: "Included (every range)" },
              { value: "exclude", label: "Left out" },
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
          <label className="flex items-center gap-2 font-semibold">
            <input type="checkbox" name="mine" value="1" defaultChecked={query.mine} className="h-5 w-5" />
            Only my activities
          </label>
          <button type="submit" className="rounded bg-nhs-blue px-4 py-2 font-semibold text-white">
            Show
          </button>
        </form>
        {query.due.kind === "unreadable" && (
          <p id="due-error" role="alert" className="mt-3 font-semibold text-nhs-red">
            {query.due.message} The due filter is not applied.
          </p>
        )}
        <p className="mt-3 text-sm text-nhs-secondary">
          An activity is counted when any of its quarters falls in {range}
          {due ? " and its last quarter is among the due quarters (the years shown are theirs)" : ""}. Ongoing
          activities have no quarter, so they fall in every range:{" "}
          {query.ongoing === "include" && !due
            ? `${countOf(map.ongoing, "is", "are")} included here.`
            : "none are included here."}
        </p>
      </Card>
      <Card>
        {map.total === 0 ? (
          <p>
            No activities match these filters in {range}.
            {elsewhere && (
              <>
                {" "}
                This selection has {countOf(elsewhere.count, "activity", "activities")} from{" "}
                {formatFinancialYear(elsewhere.from)} to {formatFinancialYear(elsewhere.to)}:{" "}
                <Link
                  href={hrefWith(params, {
                    from: formatYearParam(elsewhere.from),
                    to: formatYearParam(Math.min(elsewhere.to, elsewhere.from + 5)),
                  })}
                >
                  show {formatFinancialYear(elsewhere.from)} to{" "}
                  {formatFinancialYear(Math.min(elsewhere.to, elsewhere.from + 5))}
                </Link>
                .
              </>
            )}
          </p>
        ) : map.rows.length === 0 ? (
          <p>
            There is no page {map.page}. <Link href={pageHref(params, 1)}>Go to the first page</Link>.
          </p>
        ) : (
          <>
            <p className="mb-2" aria-live="polite">
              Showing {first} to {first + map.rows.length - 1} of {map.total.toLocaleString("en-GB")}
            </p>
            <RouteMapGrid
              activities={map.rows}
              years={years}
              groupBy={query.group}
              currentQuarter={quarterIndex(quarterOf(now))}
            />
          </>
        )}
        {map.pages > 1 && (
          <nav aria-label="Pages of the route map" className="mt-4 flex items-center gap-4">
            {map.page > 1 && <Link href={pageHref(params, Math.min(map.page - 1, map.pages))}>Previous page</Link>}
            <span>
              Page {Math.min(map.page, map.pages)} of {map.pages}
            </span>
            {map.page < map.pages && <Link href={pageHref(params, map.page + 1)}>Next page</Link>}
          </nav>
        )}
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/page-header";
import { formatFinancialYear } from "@/lib/financial-year";
import { formatMoney } from "@/lib/money";
import { YearNotice } from "@/components/ui/year-notice";
import { schemeCreationOrganisations } from "@/modules/schemes/scheme-access";
import { SchemeRegisterFilterForm } from "@/modules/schemes/register/components/scheme-register-filter-form";
import { SchemeRegisterTable } from "@/modules/schemes/register/components/scheme-register-table";
import { SchemeRegisterTotalsPanel } from "@/modules/schemes/register/components/scheme-register-totals";
import { findSchemeRegister, findSchemeRegisterOptions } from "@/modules/schemes/register/find-scheme-register";
import {
  SCHEME_REGISTER_PAGE_SIZE,
  parseSchemeRegisterQuery,
  schemeExportHref,
  schemeRegisterHref,
  schemeRegisterQueryString,
} from "@/modules/schemes/register/register-filter";
import { requireActor } from "@/server/auth/session";
import { configuredYearRange, selectableYears } from "@/server/financial-year-range";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Scheme register" };

export default async function SchemesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const now = new Date();
  const query = parseSchemeRegisterQuery(await searchParams, now, configuredYearRange(now));
  const [register, options] = await Promise.all([
    findSchemeRegister(actor, query, now),
    findSchemeRegisterOptions(actor),
  ]);
  const { totals, rows, pages, excluded } = register;
  const first = (query.page - 1) * SCHEME_REGISTER_PAGE_SIZE + 1;
  const shown =
    rows.length > 0 ? `schemes ${first} to ${first + rows.length - 1} of ${totals.count}` : `no schemes on this page`;
  return (
    <>
      <PageHeader
        title="CIP and QIPP scheme register"
        caption={`${formatFinancialYear(query.year)} · ${totals.count} scheme${totals.count === 1 ? "" : "s"} match`}
      >
        <div className="flex flex-wrap gap-4">
          {schemeCreationOrganisations(actor).length > 0 && (
            <Link href={routes.newScheme} className="font-semibold">
              New scheme
            </Link>
          )}
          <a href={schemeExportHref(query)} className="font-semibold">
            Download CSV<span className="sr-only"> of all {totals.count} matching schemes</span>
          </a>
          <a
            href={`${routes.schemeExportXlsx}${schemeRegisterQueryString({ ...query, page: undefined })}`}
            className="font-semibold"
          >
            Download Excel<span className="sr-only"> of all {totals.count} matching schemes</span>
          </a>
        </div>
      </PageHeader>
      <YearNotice notice={query.yearNotice} />
      <Card title="Filter">
        <SchemeRegisterFilterForm query={query} options={{ ...options, years: selectableYears(now) }} />
      </Card>
      <Card>
        <SchemeRegisterTotalsPanel totals={totals} year={query.year} />
        <p className="mt-3 text-sm">
          A scheme of another year with figures in {formatFinancialYear(query.year)}&apos;s months is listed too
          (&ldquo;Continues from&rdquo;): its in-year value here is the plan of its months in{" "}
          {formatFinancialYear(query.year)}, and its full-year effect counts in its own year only.
        </p>
        {excluded && excluded.count > 0 && (
          <p className="mt-3">
            Not counted as identified: {excluded.count} scheme{excluded.count === 1 ? "" : "s"} on hold, rejected or
            withdrawn ({formatMoney(excluded.inYearPence, { style: "full" })} in-year).{" "}
            <Link href={schemeRegisterHref({ ...query, stage: "NOT_IDENTIFIED", page: 1 })}>
              Show the schemes not counted
            </Link>{" "}
            · <Link href={schemeRegisterHref({ ...query, stage: "ALL", page: 1 })}>Show all stages</Link>
          </p>
        )}
      </Card>
      <Card>
        {totals.count === 0 ? (
          <p>No schemes match these filters.</p>
        ) : (
          <>
            {rows.length === 0 && (
              <p className="mb-4">
                There is no page {query.page}.{" "}
                <Link href={schemeRegisterHref({ ...query, page: 1 })}>Go to the first page</Link>.
              </p>
            )}
            <SchemeRegisterTable
              rows={rows}
              totals={totals}
              query={query}
              caption={`Schemes matching the filters, ${shown}`}
            />
          </>
        )}
        {pages > 1 && (
          <nav aria-label="Pages of the register" className="mt-4 flex items-center gap-4">
            {query.page > 1 && (
              <Link href={schemeRegisterHref({ ...query, page: Math.min(query.page - 1, pages) })}>Previous page</Link>
            )}
            <span>
              Page {query.page} of {pages}
            </span>
            {query.page < pages && <Link href={schemeRegisterHref({ ...query, page: query.page + 1 })}>Next page</Link>}
          </nav>
        )}
      </Card>
    </>
  );
}

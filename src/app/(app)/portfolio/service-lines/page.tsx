import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { Card, PageHeader } from "@/components/ui/page-header";
import { financialYearOf, formatFinancialYear } from "@/lib/financial-year";
import { formatMoney } from "@/lib/money";
import { NewServiceLineForm, ServiceLineSizeForm } from "@/modules/portfolio/components/portfolio-forms";
import { ServiceLineImportForm } from "@/modules/portfolio/components/service-line-import-form";
import { findDivisions, findServiceLines } from "@/modules/portfolio/find-portfolio";
import { canManagePortfolio } from "@/modules/portfolio/portfolio-access";
import { currentOrganisation } from "@/server/auth/current-organisation";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Service lines" };

export default async function ServiceLinesPage() {
  const actor = await requireActor();
  const current = await currentOrganisation(actor);
  const lines = await findServiceLines(actor, current?.id);
  const manage = current ? canManagePortfolio(actor, current.id) : false;
  const divisions = current && manage ? await findDivisions(current.id) : [];
  const thisYear = financialYearOf(new Date());
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1].map((fy) => ({
    value: formatFinancialYear(fy),
    label: formatFinancialYear(fy),
  }));
  return (
    <>
      <PageHeader title="Service lines" caption={current?.name}>
        <Link href={routes.portfolio} className="font-semibold">
          Portfolio reviews
        </Link>
      </PageHeader>
      <Card title="Service lines and their size">
        {lines.length === 0 ? (
          <p>No service lines yet.</p>
        ) : (
          <DataTable
            caption="Service lines with their latest size"
            columns={[
              { label: "Service line" },
              { label: "Level" },
              { label: "Year" },
              { label: "Budget", align: "right" },
              { label: "Patients", align: "right" },
              { label: "Staff (WTE)", align: "right" },
            ]}
          >
            {lines.map((line) => {
              const latest = line.sizes[0];
              return (
                <tr key={line.id} className={rowClass}>
                  <th scope="row" className={`${cellClass} font-normal`}>
                    {line.parent ? `${line.parent.name} › ` : ""}
                    <span className="font-semibold">{line.name}</span>
                  </th>
                  <td className={cellClass}>
                    {line.level === "MESO" ? "Division / specialty" : "Sub-specialty / department"}
                  </td>
                  <td className={cellClass}>{latest ? formatFinancialYear(latest.financialYear) : "–"}</td>
                  <td className={numberCellClass}>
                    {latest?.budgetPence != null ? formatMoney(Number(latest.budgetPence)) : "–"}
                  </td>
                  <td className={numberCellClass}>{latest?.patients?.toLocaleString("en-GB") ?? "–"}</td>
                  <td className={numberCellClass}>
                    {latest?.staffWte != null ? Number(latest.staffWte).toLocaleString("en-GB") : "–"}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </Card>
      {manage && current && (
        <>
          <Card title="Add a service line">
            <NewServiceLineForm
              organisationId={current.id}
              parents={lines.filter((l) => l.level === "MESO").map((l) => ({ value: l.id, label: l.name }))}
              divisions={divisions.map((d) => ({ value: d.id, label: d.name }))}
            />
          </Card>
          <Card title="Import service lines from a spreadsheet" id="import">
            <ServiceLineImportForm
              organisationId={current.id}
              templateHref={routes.portfolioServiceLineTemplate(current.id)}
            />
          </Card>
          <Card title="Record a size">
            {lines.map((line) => (
              <details key={line.id} className="mb-3">
                <summary className="cursor-pointer font-semibold">{line.name}</summary>
                <div className="mt-3">
                  <ServiceLineSizeForm
                    serviceLineId={line.id}
                    lineName={line.name}
                    years={years}
                    defaultYear={formatFinancialYear(thisYear)}
                  />
                </div>
              </details>
            ))}
          </Card>
        </>
      )}
    </>
  );
}

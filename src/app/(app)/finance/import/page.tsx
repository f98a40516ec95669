import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, PageHeader } from "@/components/ui/page-header";
import { ImportForm } from "@/modules/imports/components/import-form";
import { importOrganisations } from "@/modules/imports/import-reference";
import { currentOrganisation } from "@/server/auth/current-organisation";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Import from Excel" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Finance imports a tracker workbook or a month-end ledger extract: template, upload, preview, import. */
export default async function ImportPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const organisations = importOrganisations(actor);
  if (organisations.length === 0) return <AccessDenied what="spreadsheet import" />;
  const params = await searchParams;
  const current = await currentOrganisation(actor);
  const organisation =
    organisations.find((o) => o.id === params.organisation) ??
    organisations.find((o) => o.id === current?.id) ??
    organisations[0]!;

  return (
    <>
      <PageHeader title="Import from Excel" caption={organisation.name} />
      {organisations.length > 1 && (
        <nav aria-label="Organisations" className="mb-6">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {organisations.map((o) => (
              <li key={o.id}>
                <Link
                  href={routes.importsAt(o.id)}
                  aria-current={o.id === organisation.id ? "page" : undefined}
                  className={o.id === organisation.id ? "font-bold" : ""}
                >
                  {o.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <Card title="1. Download the template">
        <p className="mb-3">
          The template has a Schemes sheet, a Months sheet (one row per scheme and month), an optional Risks sheet and
          instructions. Its drop-down lists hold {organisation.name}&rsquo;s own divisions, workstreams, leads,
          categories and stages.
        </p>
        <p>
          <a href={routes.importTemplate(organisation.id)} download>
            Download the import template for {organisation.code} (.xlsx)
          </a>
        </p>
      </Card>
      <Card title="2. Upload, check and import">
        <p className="mb-3">
          Month-end: to load a month&rsquo;s actuals from the ledger, upload a Months sheet (or a .csv) with the columns
          Reference code, Financial year, Month and Actual (£), and optionally Forecast (£).
        </p>
        <ImportForm organisationName={organisation.name} />
      </Card>
    </>
  );
}

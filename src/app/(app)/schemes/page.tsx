import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/page-header";
import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { formatMoney } from "@/lib/money";
import { findSchemes } from "@/modules/schemes/find-schemes";
import { schemeCreationOrganisations } from "@/modules/schemes/scheme-access";
import { SCHEME_STAGE_LABELS, ragDisplay } from "@/modules/schemes/scheme-rules";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Schemes" };

export default async function SchemesPage() {
  const actor = await requireActor();
  const schemes = await findSchemes(actor);
  return (
    <>
      <PageHeader title="CIP and QIPP schemes" caption={`${schemes.length} schemes`}>
        {schemeCreationOrganisations(actor).length > 0 && (
          <Link href={routes.newScheme} className="font-semibold">
            New scheme
          </Link>
        )}
      </PageHeader>
      <Card>
        {schemes.length === 0 ? (
          <p>No schemes yet.</p>
        ) : (
          <DataTable
            caption="Schemes you can see"
            className="text-sm"
            columns={[{ label: "Code" }, { label: "Scheme" }, { label: "Organisation" }, { label: "Stage" }, { label: "RAG" }, { label: "Full-year effect", align: "right" }, { label: "In-year value", align: "right" }]}
          >
            {schemes.map((s) => {
              const rag = ragDisplay(s.stage, s.rag);
              return (
                <tr key={s.id} className={rowClass}>
                  <td className={`${cellClass} whitespace-nowrap`}>{s.code}</td>
                  <td className={cellClass}>
                    <Link href={routes.scheme(s.id)}>{s.title}</Link>
                  </td>
                  <td className={cellClass}>{s.organisation.code}</td>
                  <td className={cellClass}>{SCHEME_STAGE_LABELS[s.stage]}</td>
                  <td className={cellClass}>
                    <span className={`rounded px-2 py-0.5 font-semibold ${rag.className}`}>{rag.label}</span>
                  </td>
                  <td className={numberCellClass}>{formatMoney(Number(s.fullYearEffectPence))}</td>
                  <td className={numberCellClass}>{formatMoney(Number(s.inYearValuePence))}</td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </Card>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable, cellClass, numberCellClass, rowClass } from "@/components/ui/data-table";
import { Card, PageHeader } from "@/components/ui/page-header";
import { formatDate } from "@/lib/dates";
import { formatMoney } from "@/lib/money";
import { findGatewayPipeline } from "@/modules/gateways/find-gateway-pipeline";
import { canAnywhere } from "@/server/auth/actor";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Gateway pipeline" };

/** Schemes awaiting a gateway decision, oldest first: the approvers' queue. */
export default async function GatewayPipelinePage() {
  const actor = await requireActor();
  if (!canAnywhere(actor, "dashboard.view")) notFound();
  const pipeline = await findGatewayPipeline(actor);
  const mine = pipeline.filter((p) => p.mayDecide).length;
  return (
    <>
      <PageHeader
        title="Gateway pipeline"
        caption={`${pipeline.length} awaiting a decision${mine ? ` · ${mine} for you to decide` : ""}`}
      />
      <Card>
        {pipeline.length === 0 ? (
          <p>No scheme is awaiting a gateway decision.</p>
        ) : (
          <DataTable
            caption="Schemes awaiting a gateway decision, oldest submission first"
            columns={[
              { label: "Scheme" },
              { label: "Gateway" },
              { label: "Organisation" },
              { label: "Lead" },
              { label: "Full-year effect", align: "right" },
              { label: "Submitted" },
              { label: "Your part" },
            ]}
          >
            {pipeline.map((p) => (
              <tr key={p.id} className={rowClass}>
                <td className={cellClass}>
                  <Link href={`${routes.scheme(p.id)}#gateway`}>
                    {p.code} {p.title}
                  </Link>
                </td>
                <td className={cellClass}>{p.gate}</td>
                <td className={cellClass}>{p.organisation}</td>
                <td className={cellClass}>{p.lead}</td>
                <td className={numberCellClass}>{formatMoney(p.fullYearEffectPence)}</td>
                <td className={cellClass}>{formatDate(p.submittedAt)}</td>
                <td className={cellClass}>{p.mayDecide ? "You can decide" : (p.refusal ?? "For finance to decide")}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}

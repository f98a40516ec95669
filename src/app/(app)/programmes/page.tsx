import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/page-header";
import { formatFinancialYear, financialYearOf } from "@/lib/financial-year";
import { formatMoney } from "@/lib/money";
import { ACTIVITY_STATUSES, ACTIVITY_STATUS_LABELS } from "@/modules/activities/activity-status";
import { groupInOrder } from "@/modules/activities/route-map";
import { CreateProgrammeForm } from "@/modules/programmes/components/create-programme-form";
import { findProgrammes } from "@/modules/programmes/find-programmes";
import { programmeOwnersFor } from "@/modules/programmes/programme-access";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Programmes" };

export default async function ProgrammesPage() {
  const actor = await requireActor();
  const financialYear = financialYearOf(new Date());
  const programmes = await findProgrammes(actor, financialYear);
  const themes = groupInOrder(programmes, (p) => p.theme);
  const owners = programmeOwnersFor(actor);
  return (
    <>
      <PageHeader title="Programmes of work" caption={`Savings targets for ${formatFinancialYear(financialYear)}`}>
        <Link href={routes.routeMap} className="font-semibold">
          View the route map
        </Link>
      </PageHeader>
      {programmes.length === 0 && <Card>No programmes yet.</Card>}
      {themes.map((theme) => (
        <Card key={theme.key} title={theme.key}>
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Programmes in the theme {theme.key}</caption>
              <thead>
                <tr className="border-b-2 border-nhs-border">
                  <th scope="col" className="py-2 pr-2">
                    Programme
                  </th>
                  <th scope="col" className="py-2 pr-2">
                    Owner
                  </th>
                  <th scope="col" className="py-2 pr-2 text-right">
                    Target {formatFinancialYear(financialYear)}
                  </th>
                  <th scope="col" className="py-2">
                    Activities by status
                  </th>
                </tr>
              </thead>
              <tbody>
                {theme.rows.map((p) => (
                  <tr key={p.id} className="border-b border-nhs-border align-top">
                    <td className="py-2 pr-2">
                      <Link href={routes.programme(p.id)} className="font-semibold">
                        {p.name}
                      </Link>
                      <p className="text-nhs-secondary">{p.objective}</p>
                    </td>
                    <td className="py-2 pr-2">{p.ownerName}</td>
                    <td className="py-2 pr-2 text-right">
                      {p.targetPence === null ? "Not set" : formatMoney(p.targetPence)}
                    </td>
                    <td className="py-2">
                      {p.activityCount === 0
                        ? "None"
                        : ACTIVITY_STATUSES.filter((s) => p.statusCounts[s])
                            .map((s) => `${ACTIVITY_STATUS_LABELS[s]} ${p.statusCounts[s]}`)
                            .join(" · ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      ))}
      {owners.length > 0 && (
        <Card title="Create a programme">
          <CreateProgrammeForm
            owners={owners.map(({ value, label }) => ({ value, label }))}
            themes={themes.map((t) => t.key)}
          />
        </Card>
      )}
    </>
  );
}

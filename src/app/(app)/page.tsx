import { DataTable } from "@/components/ui/data-table";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/page-header";
import { navigationFor } from "@/components/app-shell/navigation";
import { ROLE_LABELS } from "@/server/auth/permissions";
import { currentOrganisation } from "@/server/auth/current-organisation";
import { requireActor } from "@/server/auth/session";
import { canAnywhere } from "@/server/auth/actor";
import { routes } from "@/server/routes";
import { findActivities } from "@/modules/activities/find-activities";

export default async function HomePage() {
  const actor = await requireActor();
  const current = await currentOrganisation(actor);
  const sections = navigationFor(actor).filter((item) => item.href !== "/");
  const mine = canAnywhere(actor, "activity.update.own") ? await findActivities(actor, { mine: true }, new Date()) : [];
  const open = mine.filter((a) => a.status !== "DONE");
  const overdue = mine.filter((a) => a.overdue);
  return (
    <>
      <PageHeader title={`Welcome, ${actor.name}`} caption={current?.name} />
      {mine.length > 0 && (
        <Card title="My activities">
          <p className="mb-2">
            You lead {mine.length} activities: {open.length} open, <strong className={overdue.length ? "text-nhs-red" : ""}>{overdue.length} overdue</strong>.
          </p>
          <Link href={routes.myActivities} className="font-semibold">
            Update my activities
          </Link>
        </Card>
      )}
      <Card title="Your roles">
        {actor.organisations.length === 0 ? (
          <p>You do not hold a role at any organisation yet. Ask an administrator to grant you one.</p>
        ) : (
          <DataTable caption="Organisations you can see and the roles you hold there" columns={[{ label: "Organisation" }, { label: "Roles" }]}>
              {actor.organisations.map((o) => (
                <tr key={o.id} className="border-b border-nhs-border">
                  <td className="py-2">{o.name}</td>
                  <td className="py-2">
                    {o.roles
                      .map((r) => ROLE_LABELS[r] + (r === "CLINICAL_APPROVER" && o.clinicalCapacities.length ? ` (${o.clinicalCapacities.join(", ").toLowerCase()})` : ""))
                      .join(", ")}
                  </td>
                </tr>
              ))}
          </DataTable>
        )}
      </Card>
      {sections.length > 0 && (
        <Card title="What you can do here">
          <ul className="list-disc pl-6">
            {sections.map((s) => (
              <li key={s.href}>
                <Link href={s.href}>{s.label}</Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}

import { DataTable } from "@/components/ui/data-table";
import type { Metadata } from "next";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, PageHeader } from "@/components/ui/page-header";
import { groupInOrder } from "@/modules/activities/route-map";
import { CreateLeadForm } from "@/modules/leads/components/create-lead-form";
import { LinkLeadForm } from "@/modules/leads/components/link-lead-form";
import { findLeadsForActor, findPeopleInSystem } from "@/modules/leads/find-leads";
import { canManageLeads } from "@/modules/leads/lead-writes";
import { canAnywhere } from "@/server/auth/actor";
import { requireActor } from "@/server/auth/session";

export const metadata: Metadata = { title: "Leads" };

export default async function LeadsPage() {
  const actor = await requireActor();
  if (!canAnywhere(actor, "programme.manage")) return <AccessDenied what="lead management" />;
  const leads = await findLeadsForActor(actor);
  const systems = [...new Map(actor.organisations.map((o) => [o.systemId, o])).keys()].filter((id) =>
    canManageLeads(actor, id),
  );
  const people = new Map(await Promise.all(systems.map(async (id) => [id, await findPeopleInSystem(id)] as const)));
  const systemNames = new Map(leads.map((l) => [l.systemId, l.system.name]));
  return (
    <>
      <PageHeader title="Leads" caption="Role titles accountable for activities, and who holds them" />
      {groupInOrder(leads, (l) => l.systemId).map((group) => (
        <Card key={group.key} title={`${systemNames.get(group.key)} system`}>
          <DataTable
            caption={`Leads in the ${systemNames.get(group.key)} system`}
            columns={[{ label: "Lead" }, { label: "Activities", align: "right" }, { label: "Person" }]}
            className="text-sm"
          >
            {group.rows.map((l) => (
              <tr key={l.id} className="border-b border-nhs-border">
                <td className="py-2 pr-2">
                  {l.title}
                  {l.description && <span className="text-nhs-secondary"> ({l.description})</span>}
                </td>
                <td className="py-2 pr-2 text-right">{l._count.activities}</td>
                <td className="py-2">
                  {people.has(l.systemId) ? (
                    <LinkLeadForm
                      leadId={l.id}
                      leadTitle={l.title}
                      userId={l.user?.id ?? null}
                      people={people.get(l.systemId)!}
                    />
                  ) : (
                    (l.user?.name ?? "Not linked")
                  )}
                </td>
              </tr>
            ))}
          </DataTable>
        </Card>
      ))}
      {systems.map((systemId) => (
        <Card
          key={systemId}
          title={`Add a lead${systemNames.get(systemId) ? ` (${systemNames.get(systemId)} system)` : ""}`}
        >
          <CreateLeadForm systemId={systemId} people={people.get(systemId) ?? []} />
        </Card>
      ))}
    </>
  );
}

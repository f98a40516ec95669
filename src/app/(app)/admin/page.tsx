import { DataTable } from "@/components/ui/data-table";
import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, PageHeader } from "@/components/ui/page-header";
import { EmailStatusCard } from "@/modules/notifications/components/email-status-card";
import { CreateOrganisationForm } from "@/modules/organisations/components/create-organisation-form";
import { CreateSystemForm } from "@/modules/organisations/components/create-system-form";
import { ORGANISATION_KIND_LABELS } from "@/modules/organisations/organisation-kinds";
import { createsSystems } from "@/modules/organisations/system-administration";
import { findManagedSystems, findOrganisations } from "@/modules/organisations/find-organisations";
import { canAnywhere } from "@/server/auth/actor";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Organisations" };

export default async function OrganisationsAdminPage() {
  const actor = await requireActor();
  if (!canAnywhere(actor, "admin.view")) return <AccessDenied what="administration" />;
  const [organisations, systems] = await Promise.all([findOrganisations(actor), findManagedSystems(actor)]);
  return (
    <>
      <PageHeader title="Organisations" caption="Administration" />
      <Card>
        <DataTable
          caption="Organisations you can see"
          columns={[
            { label: "Organisation" },
            { label: "Code" },
            { label: "ODS code" },
            { label: "Kind" },
            { label: "System" },
            { label: "Divisions", align: "right" },
            { label: "Role holders", align: "right" },
          ]}
        >
          {organisations.map((o) => (
            <tr key={o.id} className="border-b border-nhs-border">
              <td className="py-2">
                <Link href={routes.adminOrganisation(o.id)}>{o.name}</Link>
              </td>
              <td className="py-2">{o.code}</td>
              <td className="py-2">{o.odsCode ?? "—"}</td>
              <td className="py-2">{ORGANISATION_KIND_LABELS[o.kind]}</td>
              <td className="py-2">{o.system.name}</td>
              <td className="py-2 text-right">{o._count.divisions}</td>
              <td className="py-2 text-right">{o._count.memberships}</td>
            </tr>
          ))}
        </DataTable>
      </Card>
      {createsSystems(actor) && (
        <Card title="Create a system">
          <CreateSystemForm />
        </Card>
      )}
      <EmailStatusCard />
      {systems.length > 0 && (
        <Card title="Add an organisation">
          <CreateOrganisationForm systems={systems} />
        </Card>
      )}
    </>
  );
}

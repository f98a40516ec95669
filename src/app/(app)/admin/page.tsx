import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, PageHeader } from "@/components/ui/page-header";
import { CreateOrganisationForm } from "@/modules/organisations/components/create-organisation-form";
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
        <table className="w-full text-left">
          <caption className="sr-only">Organisations you can see</caption>
          <thead>
            <tr className="border-b-2 border-nhs-border">
              <th scope="col" className="py-2">Organisation</th>
              <th scope="col" className="py-2">Code</th>
              <th scope="col" className="py-2">Type</th>
              <th scope="col" className="py-2">System</th>
              <th scope="col" className="py-2 text-right">Divisions</th>
              <th scope="col" className="py-2 text-right">Role holders</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id} className="border-b border-nhs-border">
                <td className="py-2">
                  <Link href={routes.adminOrganisation(o.id)}>{o.name}</Link>
                </td>
                <td className="py-2">{o.code}</td>
                <td className="py-2">{o.type === "ICB" ? "ICB" : "Trust"}</td>
                <td className="py-2">{o.system.name}</td>
                <td className="py-2 text-right">{o._count.divisions}</td>
                <td className="py-2 text-right">{o._count.memberships}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {systems.length > 0 && (
        <Card title="Add an organisation">
          <CreateOrganisationForm systems={systems} />
        </Card>
      )}
    </>
  );
}

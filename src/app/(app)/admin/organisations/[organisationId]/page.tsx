import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, PageHeader } from "@/components/ui/page-header";
import { CreateDivisionForm } from "@/modules/organisations/components/create-division-form";
import { DelegatedQippForm } from "@/modules/organisations/components/delegated-qipp-form";
import { ORGANISATION_KIND_LABELS } from "@/modules/organisations/organisation-kinds";
import { administersSystem } from "@/modules/organisations/system-administration";
import { getOrganisation } from "@/modules/organisations/find-organisations";
import { SsoGroupRolesCard } from "@/modules/sso/components/sso-group-roles-card";
import { ssoConfig } from "@/modules/sso/sso-config";
import { can, organisationOf } from "@/server/auth/actor";
import { requireActor } from "@/server/auth/session";
import { orNotFound } from "@/server/page-helpers";

export const metadata: Metadata = { title: "Organisation" };

export default async function OrganisationAdminPage({ params }: { params: Promise<{ organisationId: string }> }) {
  const actor = await requireActor();
  const { organisationId } = await params;
  if (!organisationOf(actor, organisationId)) notFound();
  if (!can(actor, "admin.view", organisationId)) return <AccessDenied what="administration of this organisation" />;
  const organisation = await orNotFound(getOrganisation(actor, organisationId));
  const icbAdmin = administersSystem(actor, organisation.systemId);
  return (
    <>
      <PageHeader
        title={organisation.name}
        caption={[
          organisation.system.name,
          ORGANISATION_KIND_LABELS[organisation.kind],
          organisation.odsCode ? `ODS ${organisation.odsCode}` : null,
          organisation.code,
        ]
          .filter(Boolean)
          .join(" · ")}
      />
      <Card title="Divisions">
        {organisation.divisions.length === 0 ? (
          <p>No divisions yet.</p>
        ) : (
          <ul className="list-disc pl-6">
            {organisation.divisions.map((d) => (
              <li key={d.id}>{d.name}</li>
            ))}
          </ul>
        )}
      </Card>
      {organisation.type === "TRUST" && icbAdmin && (
        <Card title="Programmes">
          <DelegatedQippForm organisationId={organisationId} holds={organisation.holdsDelegatedQipp} />
        </Card>
      )}
      {ssoConfig() && can(actor, "user.manage", organisationId) && (
        <SsoGroupRolesCard actor={actor} organisationId={organisationId} />
      )}
      {can(actor, "organisation.manage", organisationId) && (
        <Card title="Add a division">
          <CreateDivisionForm organisationId={organisationId} />
        </Card>
      )}
    </>
  );
}

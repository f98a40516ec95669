import { DataTable } from "@/components/ui/data-table";
import type { Metadata } from "next";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, PageHeader } from "@/components/ui/page-header";
import { GrantRoleForm } from "@/modules/users/components/grant-role-form";
import { RequirePasswordChangeForm } from "@/modules/users/components/require-password-change-form";
import { RevokeRoleButton } from "@/modules/users/components/revoke-role-button";
import { getUser } from "@/modules/users/find-users";
import { can, canAnywhere } from "@/server/auth/actor";
import { ROLE_LABELS } from "@/server/auth/permissions";
import { requireActor } from "@/server/auth/session";
import { orNotFound } from "@/server/page-helpers";

export const metadata: Metadata = { title: "User" };

export default async function UserAdminPage({ params }: { params: Promise<{ userId: string }> }) {
  const actor = await requireActor();
  if (!canAnywhere(actor, "user.manage")) return <AccessDenied what="user administration" />;
  const { userId } = await params;
  const user = await orNotFound(getUser(actor, userId));
  const managed = actor.organisations.filter((o) => can(actor, "user.manage", o.id));
  return (
    <>
      <PageHeader title={user.name} caption={user.jobTitle ?? user.email} />
      <Card title="Roles">
        <DataTable
          caption={`Roles held by ${user.name}`}
          columns={[
            { label: "Organisation" },
            { label: "Role" },
            { label: "Scope" },
            { label: "Actions", hidden: true },
          ]}
        >
          {user.memberships.map((m) => {
            const role =
              ROLE_LABELS[m.role] +
              (m.clinicalCapacity ? ` (${m.clinicalCapacity.toLowerCase()})` : "") +
              (m.financeCapacity === "PMO" ? " (PMO)" : "");
            return (
              <tr key={m.id} className="border-b border-nhs-border">
                <td className="py-2">{m.organisation.name}</td>
                <td className="py-2">{role}</td>
                <td className="py-2">{m.systemWide ? "Whole system" : "This organisation"}</td>
                <td className="py-2">
                  <RevokeRoleButton membershipId={m.id} description={`${role} at ${m.organisation.name}`} />
                </td>
              </tr>
            );
          })}
        </DataTable>
      </Card>
      <Card title="Grant a role">
        <GrantRoleForm userId={user.id} organisations={managed.map((o) => ({ id: o.id, name: o.name }))} />
      </Card>
      {user.id !== actor.userId && user.memberships.length > 0 && (
        <Card title="Password">
          <RequirePasswordChangeForm userId={user.id} name={user.name} />
        </Card>
      )}
    </>
  );
}

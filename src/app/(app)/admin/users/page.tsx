import { DataTable } from "@/components/ui/data-table";
import type { Metadata } from "next";
import Link from "next/link";
import { AccessDenied } from "@/components/ui/access-denied";
import { Card, PageHeader } from "@/components/ui/page-header";
import { CreateUserForm } from "@/modules/users/components/create-user-form";
import { findUsers } from "@/modules/users/find-users";
import { findAwaitingAccess } from "@/modules/sso/find-awaiting-access";
import { formatDate } from "@/lib/dates";
import { can, canAnywhere } from "@/server/auth/actor";
import { ROLE_LABELS } from "@/server/auth/permissions";
import { requireActor } from "@/server/auth/session";
import { routes } from "@/server/routes";

export const metadata: Metadata = { title: "Users" };

export default async function UsersAdminPage() {
  const actor = await requireActor();
  if (!canAnywhere(actor, "user.manage")) return <AccessDenied what="user administration" />;
  const [users, awaiting] = await Promise.all([findUsers(actor), findAwaitingAccess(actor)]);
  const managed = actor.organisations.filter((o) => can(actor, "user.manage", o.id));
  return (
    <>
      <PageHeader title="Users" caption="Administration" />
      {awaiting.length > 0 && (
        <Card title="Awaiting access">
          <p className="mb-2">Signed in by single sign-on but given no role yet. Open a person to grant a role.</p>
          <DataTable
            caption="People awaiting access"
            columns={[{ label: "Name" }, { label: "Email" }, { label: "First signed in" }]}
          >
            {awaiting.map((u) => (
              <tr key={u.id} className="border-b border-nhs-border">
                <td className="py-2">
                  <Link href={routes.adminUser(u.id)}>{u.name}</Link>
                </td>
                <td className="py-2">{u.email}</td>
                <td className="py-2">{formatDate(u.createdAt)}</td>
              </tr>
            ))}
          </DataTable>
        </Card>
      )}
      <Card>
        <DataTable
          caption="Users with roles at organisations you administer"
          columns={[{ label: "Name" }, { label: "Email" }, { label: "Roles" }]}
        >
          {users.map((u) => (
            <tr key={u.id} className="border-b border-nhs-border">
              <td className="py-2">
                <Link href={routes.adminUser(u.id)}>{u.name}</Link>
                {!u.active && <span className="ml-2 text-nhs-secondary">(deactivated)</span>}
              </td>
              <td className="py-2">{u.email}</td>
              <td className="py-2">
                {u.memberships.map((m) => `${ROLE_LABELS[m.role]} at ${m.organisation.code}`).join("; ")}
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>
      <Card title="Create a user">
        <CreateUserForm organisations={managed.map((o) => ({ id: o.id, name: o.name }))} />
      </Card>
    </>
  );
}

import { DataTable } from "@/components/ui/data-table";
import { Card } from "@/components/ui/page-header";
import { formatDate } from "@/lib/dates";
import type { Actor } from "@/server/auth/actor";
import { ROLE_LABELS } from "@/server/auth/permissions";
import { MAPPABLE_ROLES } from "../sso-group-rules";
import { findSsoGroupRoles } from "../sso-group-roles";
import { MapGroupForm, RemoveMappingButton } from "./map-group-form";

const MAPPED_ROLE_LABELS = { ...ROLE_LABELS, FINANCE: "Finance (PMO)" };

/** An administrator's single sign-on group -> role mappings for one organisation. */
export async function SsoGroupRolesCard({ actor, organisationId }: { actor: Actor; organisationId: string }) {
  const mappings = await findSsoGroupRoles(actor, organisationId);
  return (
    <Card title="Single sign-on groups">
      <p className="mb-2">
        People who sign in by single sign-on get a role here only if one of their directory groups is mapped to it
        below. The role is checked at every sign-in and removed once they leave the group. Administrators, clinical
        approvers and the finance director are always granted by hand.
      </p>
      {mappings.length === 0 ? (
        <p className="mb-4">No groups are mapped.</p>
      ) : (
        <DataTable
          caption="Groups mapped to roles at this organisation"
          columns={[{ label: "Group id" }, { label: "Role" }, { label: "People" }, { label: "Action" }]}
          className="mb-4"
        >
          {mappings.map((m) => (
            <tr key={m.id} className="border-b border-nhs-border">
              <td className="py-2 pr-2">
                <span className="font-mono break-all">{m.groupId}</span>
                <span className="block text-sm text-nhs-secondary">
                  Mapped {formatDate(m.createdAt)} by {m.createdBy.name}
                </span>
              </td>
              <td className="py-2 pr-2">{MAPPED_ROLE_LABELS[m.role]}</td>
              <td className="py-2 pr-2">{m._count.memberships}</td>
              <td className="py-2">
                <RemoveMappingButton id={m.id} description={`${m.groupId} as ${MAPPED_ROLE_LABELS[m.role]}`} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h3 className="mb-2 text-lg font-bold">Map a group</h3>
      <MapGroupForm
        organisationId={organisationId}
        roles={MAPPABLE_ROLES.map((r) => ({ value: r, label: MAPPED_ROLE_LABELS[r] }))}
      />
    </Card>
  );
}

import { CheckboxField, SelectField } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-status";
import type { ActionState } from "@/server/action";
import { ROLE_LABELS } from "@/server/auth/permissions";
import { ROLES } from "../user-roles";

/** Organisation, role, clinical capacity and scope: shared by "create user" and "grant role". */
export function RoleFields({
  organisations,
  state,
  values,
}: {
  organisations: { id: string; name: string }[];
  state: ActionState | null;
  values: Record<string, string>;
}) {
  return (
    <>
      <SelectField
        name="organisationId"
        label="Organisation"
        defaultValue={values.organisationId ?? organisations[0]?.id}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        errors={fieldErrors(state, "organisationId")}
      />
      <SelectField
        name="role"
        label="Role"
        placeholder="Choose a role"
        defaultValue={values.role ?? ""}
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        errors={fieldErrors(state, "role")}
      />
      <SelectField
        name="clinicalCapacity"
        label="Signs QIAs as (clinical approvers only)"
        placeholder="Not a clinical approver"
        defaultValue={values.clinicalCapacity ?? ""}
        options={[
          { value: "MEDICAL", label: "Medical signatory" },
          { value: "NURSING", label: "Nursing signatory" },
        ]}
        errors={fieldErrors(state, "clinicalCapacity")}
      />
      <SelectField
        name="financeCapacity"
        label="Finance role held as (finance only)"
        hint="Gateways of larger schemes need the finance director."
        placeholder="Finance director (default)"
        defaultValue={values.financeCapacity ?? ""}
        options={[
          { value: "DIRECTOR", label: "Finance director" },
          { value: "PMO", label: "PMO" },
        ]}
        errors={fieldErrors(state, "financeCapacity")}
      />
      <CheckboxField
        name="systemWide"
        label="Whole system"
        hint="Only at an ICB: the role then covers every organisation in the system"
        defaultChecked={values.systemWide === "on"}
        errors={fieldErrors(state, "systemWide")}
      />
    </>
  );
}

"use client";

import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormStatus, fieldErrors } from "@/components/ui/form-status";
import { useFormAction } from "@/components/forms/use-form-action";
import { createUserAction } from "../user-actions";
import { RoleFields } from "./role-fields";

export function CreateUserForm({ organisations }: { organisations: { id: string; name: string }[] }) {
  const { state, formAction, pending, values, formKey } = useFormAction(createUserAction);
  return (
    <form key={formKey} action={formAction} noValidate>
      <FormStatus state={state} />
      <TextField
        name="name"
        label="Full name"
        autoComplete="off"
        defaultValue={values.name}
        errors={fieldErrors(state, "name")}
      />
      <TextField
        name="email"
        label="Email address"
        type="email"
        autoComplete="off"
        defaultValue={values.email}
        errors={fieldErrors(state, "email")}
      />
      <TextField
        name="jobTitle"
        label="Job title (optional)"
        defaultValue={values.jobTitle}
        errors={fieldErrors(state, "jobTitle")}
      />
      <TextField
        name="password"
        label="Initial password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters and not a common password (three or four random words work well). Share it with the person securely."
        errors={fieldErrors(state, "password")}
      />
      <RoleFields organisations={organisations} state={state} values={values} />
      <Button type="submit" disabled={pending}>
        Create user
      </Button>
    </form>
  );
}

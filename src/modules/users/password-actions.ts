"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { changeOwnPassword } from "./change-password";
import { changePasswordSchema, requirePasswordChangeSchema } from "./password-schemas";
import { requirePasswordChange } from "./require-password-change";

// "changePassword": the one name authedAction lets through while a new password is required (the way out).
export const changePasswordAction = authedAction("changePassword", changePasswordSchema, async (actor, input) => {
  const { otherSessionsEnded } = await changeOwnPassword(actor, input);
  const elsewhere =
    otherSessionsEnded === 0
      ? ""
      : ` You have been signed out everywhere else (${otherSessionsEnded} other session${otherSessionsEnded === 1 ? "" : "s"}).`;
  return { data: null, message: `Your password has been changed.${elsewhere}`, revalidate: [routes.account] };
});

export const requirePasswordChangeAction = authedAction(
  "requirePasswordChange",
  requirePasswordChangeSchema,
  async (actor, input) => {
    const { name } = await requirePasswordChange(actor, input);
    return {
      data: null,
      message: `${name} has been signed out everywhere and must choose a new password at their next sign-in.`,
      revalidate: [routes.adminUser(input.userId)],
    };
  },
);

"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { authedAction } from "@/server/action";
import { organisationOf } from "@/server/auth/actor";
import { CURRENT_ORGANISATION_COOKIE } from "@/server/auth/current-organisation";
import { forbidden } from "@/server/errors";
import { routes } from "@/server/routes";

/** Remembers which organisation the user works in. Not a data change, so not audited. */
export const switchOrganisationAction = authedAction(
  "switchOrganisation",
  z.object({ organisationId: z.string().uuid("Choose an organisation") }),
  async (actor, input) => {
    if (!organisationOf(actor, input.organisationId)) throw forbidden("You do not have access to that organisation.");
    (await cookies()).set(CURRENT_ORGANISATION_COOKIE, input.organisationId, {
      httpOnly: true,
      sameSite: "lax",
      secure: process.env.NODE_ENV === "production" && process.env.NEXTAUTH_URL?.startsWith("https:"),
      path: "/",
    });
    return { data: null, revalidate: [routes.home] };
  },
);

"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { createSchemeSchema, updateSchemeSchema } from "./scheme-schemas";
import { createScheme, updateScheme } from "./scheme-writes";

export const createSchemeAction = authedAction("createScheme", createSchemeSchema, async (actor, input) => {
  const scheme = await createScheme(actor, input);
  return {
    data: { schemeId: scheme.id, version: scheme.version },
    message: `Scheme ${scheme.code} created.`,
    revalidate: [routes.schemes],
  };
});

export const updateSchemeAction = authedAction("updateScheme", updateSchemeSchema, async (actor, input) => {
  const scheme = await updateScheme(actor, input);
  return {
    data: { schemeId: scheme.id, version: scheme.version },
    message: "Scheme saved.",
    revalidate: [routes.schemes, routes.scheme(scheme.id)],
  };
});

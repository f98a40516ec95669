"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { createLeadSchema, linkLeadSchema } from "./lead-schemas";
import { createLead, linkLead } from "./lead-writes";

export const createLeadAction = authedAction("createLead", createLeadSchema, async (actor, input) => {
  const lead = await createLead(actor, input);
  return { data: { leadId: lead.id }, message: `Lead "${lead.title}" added.`, revalidate: [routes.leads] };
});

export const linkLeadAction = authedAction("linkLead", linkLeadSchema, async (actor, input) => {
  await linkLead(actor, input);
  return { data: null, message: "Saved.", revalidate: [routes.leads, routes.myActivities] };
});

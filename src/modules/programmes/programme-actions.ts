"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { createProgramme } from "./create-programme";
import { setProgrammeTarget, updateProgramme } from "./update-programme";
import { createWorkstream, updateWorkstream } from "./workstream-writes";
import {
  createProgrammeSchema,
  createWorkstreamSchema,
  setProgrammeTargetSchema,
  updateProgrammeSchema,
  updateWorkstreamSchema,
} from "./programme-schemas";

export const createProgrammeAction = authedAction("createProgramme", createProgrammeSchema, async (actor, input) => {
  const programme = await createProgramme(actor, input);
  return {
    data: { programmeId: programme.id },
    message: `Programme "${programme.name}" created.`,
    revalidate: [routes.programmes],
  };
});

export const updateProgrammeAction = authedAction("updateProgramme", updateProgrammeSchema, async (actor, input) => {
  const programme = await updateProgramme(actor, input);
  return {
    data: { version: programme.version },
    message: "Programme saved.",
    revalidate: [routes.programmes, routes.programme(programme.id)],
  };
});

export const setProgrammeTargetAction = authedAction(
  "setProgrammeTarget",
  setProgrammeTargetSchema,
  async (actor, input) => {
    await setProgrammeTarget(actor, input);
    return {
      data: null,
      message: "Savings target saved.",
      revalidate: [routes.programmes, routes.programme(input.programmeId)],
    };
  },
);

export const createWorkstreamAction = authedAction("createWorkstream", createWorkstreamSchema, async (actor, input) => {
  const workstream = await createWorkstream(actor, input);
  return {
    data: { workstreamId: workstream.id, version: workstream.version },
    message: `Workstream "${workstream.name}" created.`,
    revalidate: [routes.programme(input.programmeId)],
  };
});

export const updateWorkstreamAction = authedAction("updateWorkstream", updateWorkstreamSchema, async (actor, input) => {
  const workstream = await updateWorkstream(actor, input);
  return {
    data: { workstreamId: workstream.id, version: workstream.version },
    message: "Workstream saved.",
    revalidate: [routes.workstream(workstream.id), routes.programme(workstream.programmeId)],
  };
});

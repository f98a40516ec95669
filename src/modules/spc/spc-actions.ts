"use server";

import { authedAction } from "@/server/action";
import { recordChangePointSchema, removeChangePointSchema, saveSpcSettingsSchema } from "./spc-schemas";
import { recordChangePoint, removeChangePoint, saveSpcSettings } from "./spc-writes";

export const saveSpcSettingsAction = authedAction("saveSpcSettings", saveSpcSettingsSchema, async (actor, input) => {
  const { setting, info } = await saveSpcSettings(actor, input);
  return { data: { version: setting.version }, message: "Chart settings saved.", revalidate: info.pages };
});

export const recordChangePointAction = authedAction(
  "recordSpcChangePoint",
  recordChangePointSchema,
  async (actor, input) => {
    const { changePoint, info } = await recordChangePoint(actor, input);
    return {
      data: { changePointId: changePoint.id },
      message: "Change point recorded: the chart is rebased from that month.",
      revalidate: info.pages,
    };
  },
);

export const removeChangePointAction = authedAction(
  "removeSpcChangePoint",
  removeChangePointSchema,
  async (actor, input) => {
    const { info } = await removeChangePoint(actor, input);
    return { data: null, message: "Change point removed.", revalidate: info.pages };
  },
);

"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { saveBoardCommentarySchema } from "./board-commentary-schemas";
import { saveBoardCommentary } from "./save-board-commentary";

export const saveBoardCommentaryAction = authedAction(
  "saveBoardCommentary",
  saveBoardCommentarySchema,
  async (actor, input) => {
    const saved = await saveBoardCommentary(actor, input);
    return {
      data: { version: saved.version },
      message: "Commentary saved. The board sees it in the pack.",
      revalidate: [routes.board],
    };
  },
);

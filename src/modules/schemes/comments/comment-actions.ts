"use server";

import { authedAction } from "@/server/action";
import { routes } from "@/server/routes";
import { postCommentSchema } from "./comment-schemas";
import { postComment } from "./post-comment";

export const postCommentAction = authedAction("postComment", postCommentSchema, async (actor, input) => {
  const posted = await postComment(actor, input);
  return {
    data: posted,
    message: posted.mentioned.length
      ? `Comment posted; ${posted.mentioned.join(", ")} will see it.`
      : "Comment posted.",
    revalidate: [routes.scheme(input.schemeId), routes.home, routes.notifications],
  };
});

import { z } from "zod";
import { plainString, requiredText, uuidField } from "@/lib/form-fields";
import { MAX_MENTIONS, parseMentionList } from "./comment-rules";

export const COMMENT_MAX_LENGTH = 4000;

export const postCommentSchema = z.object({
  schemeId: uuidField("a scheme"),
  body: requiredText("your comment", 1, COMMENT_MAX_LENGTH),
  // The form's people are checkboxes (one value each); API callers may send one list as text.
  mentions: z
    .union([plainString().max(2000, "List fewer people to mention"), z.array(plainString().max(320)).max(500)])
    .optional()
    .transform((value, ctx) => {
      const parsed = parseMentionList(Array.isArray(value) ? value.join(",") : (value ?? ""));
      if (!parsed.ok) {
        ctx.addIssue({
          code: "custom",
          message: `"${parsed.bad}" is not an email address: pick people from the list, separated by commas`,
        });
        return z.NEVER;
      }
      if (parsed.emails.length > MAX_MENTIONS) {
        ctx.addIssue({ code: "custom", message: `Mention at most ${MAX_MENTIONS} people in one comment` });
        return z.NEVER;
      }
      return parsed.emails;
    }),
});
export type PostCommentInput = z.infer<typeof postCommentSchema>;

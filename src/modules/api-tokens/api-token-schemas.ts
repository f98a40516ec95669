import { z } from "zod";
import { plainString } from "@/lib/form-fields";
import { MAX_TOKEN_DAYS } from "./token-rules";

export const createApiTokenSchema = z.object({
  name: plainString({ error: "Give the token a name." })
    .trim()
    .min(1, "Give the token a name, e.g. “Power BI – board report”.")
    .max(80, "A token name has at most 80 characters."),
  expiresInDays: z.coerce
    .number({ error: "Choose when the token expires." })
    .int("Choose when the token expires.")
    .min(1, "A token lasts at least a day.")
    .max(MAX_TOKEN_DAYS, "A token expires within a year."),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.string().uuid("Choose a token to revoke.") });
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenSchema>;

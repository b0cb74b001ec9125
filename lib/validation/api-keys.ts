import { z } from "zod";
import { API_KEY_SCOPES, MAX_API_KEY_NAME_LENGTH } from "@/lib/domain/api-keys";

export const apiKeySchema = z.object({
  name: z
    .string({ error: "Name the key" })
    .refine((value) => value.trim().length > 0, "Name the key, after the system that will use it")
    .refine(
      (value) => value.trim().length <= MAX_API_KEY_NAME_LENGTH,
      `Use at most ${MAX_API_KEY_NAME_LENGTH} characters`,
    ),
  scopes: z
    .array(z.enum(API_KEY_SCOPES, { error: "Choose from the scopes listed" }), {
      error: "Choose what the key may do",
    })
    .min(1, "Choose at least one thing the key may do"),
});
export type ApiKeyInput = z.infer<typeof apiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.uuid({ error: "Choose a key to revoke" }) });

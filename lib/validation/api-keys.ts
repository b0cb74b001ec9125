import { z } from "zod";
import { API_KEY_SCOPES, consentNoticeProblem, MAX_API_KEY_NAME_LENGTH } from "@/lib/domain/api-keys";

export const apiKeySchema = z
  .object({
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
    /** The partner's privacy notice, for a key that records signatures; empty for none. */
    consentNotice: z.string().optional(),
    /** That the partner's form shows that notice and asks for agreement to it. */
    attestsConsent: z.boolean().optional(),
  })
  .superRefine((input, ctx) => {
    const notice = input.consentNotice?.trim() ?? "";
    if (!notice) {
      if (input.attestsConsent)
        ctx.addIssue({
          code: "custom",
          path: ["consentNotice"],
          message: "Give the address of the privacy notice the partner's form shows",
        });
      return;
    }
    const problem = consentNoticeProblem(notice, input.scopes ?? []);
    if (problem) ctx.addIssue({ code: "custom", path: ["consentNotice"], message: problem });
    else if (!input.attestsConsent)
      ctx.addIssue({
        code: "custom",
        path: ["attestsConsent"],
        message: "Confirm that the partner's form shows this notice and asks supporters to agree to it",
      });
  });
export type ApiKeyInput = z.infer<typeof apiKeySchema>;

export const revokeApiKeySchema = z.object({ id: z.uuid({ error: "Choose a key to revoke" }) });

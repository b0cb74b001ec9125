import { z } from "zod";
import { HASH_BYTES } from "@/lib/domain/merkle";

export const LEAF_MESSAGE = "leaf must be the SHA-256 of your receipt: 64 hexadecimal digits.";

/** GET .../integrity/proof?leaf=...: the leaf hash, never the secret receipt. */
export const proofQuerySchema = z.object({
  leaf: z
    .string()
    .regex(new RegExp(`^[0-9a-fA-F]{${HASH_BYTES * 2}}$`), LEAF_MESSAGE)
    .transform((value) => value.toLowerCase()),
});

/** The console's "Publish a root now": which petition. */
export const publishRootSchema = z.object({ petitionId: z.uuid({ error: "Choose a petition" }) });
export type PublishRootInput = z.infer<typeof publishRootSchema>;

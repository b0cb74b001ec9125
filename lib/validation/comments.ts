import { z } from "zod";

// A staff decision on a comment waiting in the queue (Comments in the staff console).

export const commentDecisionSchema = z.object({
  commentId: z.uuid({ error: "Open the comment again from the list" }),
  decision: z.enum(["keep", "remove"], { error: "Choose to keep or to remove the comment" }),
});

export type CommentDecisionInput = z.infer<typeof commentDecisionSchema>;

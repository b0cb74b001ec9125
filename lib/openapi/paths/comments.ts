import { z } from "zod";
import { commentIdSchema, reportFormSchema } from "@/lib/validation/links";
import { BODY_ERRORS, json, seeOther, tooMany } from "../common";
import { operation, type PathFamily } from "../operation";
import { refusalSchema, reportAcceptedSchema, reportRefusedSchema } from "../schemas";

export const commentPaths: PathFamily = {
  "/api/comments/{id}/reports": {
    post: operation({
      summary: "Report a comment",
      description:
        "Counted once per address per comment; COMMENT_REPORT_THRESHOLD addresses hide it until staff review it. " +
        "As JSON (`{}`) answered JSON; as the page's form answered 303 to /comment-reported.",
      tags: ["comments"],
      path: z.object({
        id: commentIdSchema.meta({ description: "`recentSigners[].commentId` of the totals." }),
      }),
      body: {
        "application/json": z.object({}),
        "application/x-www-form-urlencoded": reportFormSchema,
      },
      responses: {
        202: {
          description: "Counted, or this report hid it, or staff kept it.",
          content: json(reportAcceptedSchema),
        },
        303: seeOther("/comment-reported?outcome=…&petition=…"),
        400: { description: "The body is not one JSON object.", content: json(refusalSchema) },
        404: { description: "No comment by that id is shown.", content: json(reportRefusedSchema) },
        413: BODY_ERRORS[413]!,
        415: BODY_ERRORS[415]!,
        429: tooMany("FLOOD_LIMIT_REPORTS"),
        503: {
          description: "The database cannot be reached; nothing was stored.",
          content: json(reportRefusedSchema),
        },
      },
    }),
  },
};

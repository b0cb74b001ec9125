import { z } from "zod";
import {
  fulfilFormSchema,
  linkActionSchema,
  linkFormSchema,
  unsubscribeFormSchema,
  unsubscribeQuerySchema,
} from "@/lib/validation/links";
import { json, seeOther, tooMany } from "../common";
import { operation, type PathFamily } from "../operation";
import { errorSchema, plainTextSchema } from "../schemas";

// The buttons behind the links in Upstand's emails: plain form posts, answered with a 303 back to
// the page, so that they work without JavaScript; and RFC 8058 one-click unsubscribe.

const FORM = "application/x-www-form-urlencoded";
const text = (description: string) => ({ description, content: { "text/plain": plainTextSchema } });
const wrongType = { description: "Not a url-encoded form under 1 KB.", content: json(errorSchema) };

export const linkPaths: PathFamily = {
  "/api/links/fulfil": {
    post: operation({
      summary: "Say a pledge's commitment was done",
      description: "The buttons of the page a follow-up email links to; pressing twice counts once.",
      tags: ["links"],
      body: { [FORM]: fulfilFormSchema },
      responses: { 303: seeOther("/fulfil/{token} (/fulfil/invalid, ?retry=1)"), 415: wrongType },
    }),
  },
  "/api/links/{action}": {
    post: operation({
      summary: "Confirm, withdraw, or stop updates, from an emailed link",
      description:
        "`confirm` and `withdraw` take the page's form and always answer 303 back to it. " +
        "`unsubscribe` is RFC 8058 one-click (the token in the query, body `List-Unsubscribe=One-Click`, " +
        "answered in plain text) or the /unsubscribe page's form (`from=page`, answered 303).",
      tags: ["links"],
      path: z.object({ action: linkActionSchema }),
      query: unsubscribeQuerySchema,
      body: {
        [FORM]: z.union([linkFormSchema, unsubscribeFormSchema]),
        "multipart/form-data": unsubscribeFormSchema,
      },
      isBodyRequired: false,
      responses: {
        200: text("unsubscribe: updates are off (also when they already were)."),
        303: seeOther("/confirm/{token}, /withdraw/{token} or /unsubscribe/{token}"),
        400: text("unsubscribe: the token is missing or cannot be one."),
        404: {
          description: "Another action (JSON), or unsubscribe: no such link (plain text).",
          content: { "application/json": errorSchema, "text/plain": plainTextSchema },
        },
        410: text("unsubscribe: the link has expired; nothing changed."),
        415: wrongType,
        429: tooMany("FLOOD_LIMIT_SIGNING", "text"),
        503: text("unsubscribe: the database could not be reached; nothing changed."),
      },
    }),
  },
};

import { z } from "zod";
import { SUPPORT_STATES } from "@/lib/domain/enums";
import { isCleanLine, isCleanParagraphs } from "./text";

// The staff console's moderation forms: the signature search (a GET, so results can be linked),
// a change to one supporter, an erasure, and a bulk rejection by rule. Optional text fields
// arrive as "" when left empty; values are checked as typed and trimmed on the server after.

export const REASON_MAX = 500;
export const SEARCH_TEXT_MAX = 100;

const IP_OR_RANGE = z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]);
const DOMAIN = /^@?([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
// Where the next page of results starts: the last row's exact creation time (UTC, to the
// microsecond, as the database keeps it) and its id.
const CURSOR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z_[0-9a-f-]{36}$/;

const isBlank = (value: string | undefined) => value === undefined || value.trim() === "";
const optionalText = (what: string, max: number) =>
  z
    .string()
    .max(max, `Keep ${what} to ${max} characters or fewer`)
    .refine(isCleanLine, `${what[0]!.toUpperCase()}${what.slice(1)} contains characters we cannot search for`)
    .optional();
const optional = (check: (value: string) => boolean, message: string) =>
  z
    .string()
    .refine((value) => isBlank(value) || check(value.trim()), message)
    .optional();
const isIpOrRange = (value: string) => IP_OR_RANGE.safeParse(value).success;
const isDay = (value: string) => z.iso.date().safeParse(value).success;
const isMinute = (value: string) => z.iso.datetime({ local: true }).safeParse(value).success;

/** Which supporters to look in: every petition's, every pledge's, or one petition's or pledge's. */
export const scopeSchema = z
  .string()
  .regex(/^(petition|pledge)(:[\w-]{1,100})?$/, "Choose petitions, pledges, or one of them");

export const supporterSearchSchema = z
  .object({
    scope: scopeSchema.optional(),
    name: optionalText("the name", SEARCH_TEXT_MAX),
    email: optionalText("the email address", 254),
    source: optionalText("the source", SEARCH_TEXT_MAX),
    ip: optional(isIpOrRange, "Enter an IP address like 203.0.113.7, or a range like 203.0.113.0/24"),
    state: optional(
      (value) => (SUPPORT_STATES as readonly string[]).includes(value),
      "Choose a state from the list",
    ),
    from: optional(isDay, "Enter a date as YYYY-MM-DD"),
    to: optional(isDay, "Enter a date as YYYY-MM-DD"),
    after: optional(
      (value) => CURSOR.test(value),
      "That page link is broken; start again from the first page",
    ),
  })
  .refine((query) => isBlank(query.from) || isBlank(query.to) || query.from!.trim() <= query.to!.trim(), {
    path: ["to"],
    message: "The end date must be on or after the start date",
  });

export type SupporterSearchInput = z.infer<typeof supporterSearchSchema>;

/** Why staff change or erase supporters: kept with the rows and in the audit log. */
export const reasonSchema = z
  .string({ error: "Give a reason" })
  .max(REASON_MAX, `Keep the reason to ${REASON_MAX} characters or fewer`)
  .refine((value) => value.trim().length > 0, "Give a reason")
  .refine(isCleanParagraphs, "The reason contains characters we cannot accept");

const supporter = {
  kind: z.enum(["petition", "pledge"], { error: "That is not a signature or a pledge" }),
  id: z.uuid({ error: "That is not a signature or a pledge" }),
};

/** Which supporter a staff page is about, from its address. */
export const supporterRefSchema = z.object(supporter);

/** Reject or restore one supporter: always with a reason, which goes in the audit log. */
export const supporterChangeSchema = z.object({
  ...supporter,
  change: z.enum(["reject", "restore"], { error: "Choose to reject or to restore" }),
  reason: reasonSchema,
});

/** Erase one supporter's personal data: a reason (how they asked), and a deliberate yes. */
export const erasureSchema = z.object({
  ...supporter,
  reason: reasonSchema,
  isConfirmed: z.literal("on", { error: "Tick the box to confirm that this cannot be undone" }),
});

/** A rule for rejecting many supporters at once: one petition or pledge, an IP range or an email domain, and a window. */
export const bulkRuleSchema = z
  .object({
    target: z
      .string({ error: "Choose a petition or a pledge" })
      .regex(/^(petition|pledge):[\w-]{1,100}$/, "Choose a petition or a pledge"),
    ip: optional(isIpOrRange, "Enter an IP address like 203.0.113.7, or a range like 203.0.113.0/24"),
    domain: optional((value) => DOMAIN.test(value), "Enter a domain like example.com"),
    from: z
      .string({ error: "Enter when the window starts" })
      .refine(isMinute, "Enter when the window starts, as a date and time"),
    to: z
      .string({ error: "Enter when the window ends" })
      .refine(isMinute, "Enter when the window ends, as a date and time"),
  })
  .refine((rule) => isBlank(rule.ip) !== isBlank(rule.domain), {
    path: ["ip"],
    message: "Give either an IP range or an email domain (one of the two)",
  })
  .refine((rule) => !isMinute(rule.from) || !isMinute(rule.to) || rule.from < rule.to, {
    path: ["to"],
    message: "The window must end after it starts",
  });

export type BulkRuleInput = z.infer<typeof bulkRuleSchema>;

/** The confirm step: the rule as previewed, how many rows the preview counted, and a reason. */
export const bulkRejectSchema = z.object({
  rule: bulkRuleSchema,
  expectedCount: z.string().regex(/^\d{1,9}$/, "Preview the rule again before rejecting"),
  reason: reasonSchema,
});

import "server-only";
import { petitions, pledges, pledgeTakers, signatures, type TokenPurpose } from "@/db/schema";

/** What a supporter supports: a petition (by signing) or a pledge (by taking it). */
export type SupportKind = "petition" | "pledge";

/** The tables and names behind each kind: one machinery for both, as the issue asks. */
export const SUPPORT_KINDS = {
  petition: {
    table: signatures,
    parentTable: petitions,
    parentKey: "petitionId",
    parentColumn: "petition_id",
    purposes: {
      confirm: "confirm-signature",
      withdraw: "withdraw-signature",
      unsubscribe: "unsubscribe-signature",
    },
    noun: "signature",
  },
  pledge: {
    table: pledgeTakers,
    parentTable: pledges,
    parentKey: "pledgeId",
    parentColumn: "pledge_id",
    purposes: { confirm: "confirm-pledge", withdraw: "withdraw-pledge", unsubscribe: "unsubscribe-pledge" },
    noun: "pledge",
  },
} as const satisfies Record<
  SupportKind,
  { purposes: Record<"confirm" | "withdraw" | "unsubscribe", TokenPurpose>; [key: string]: unknown }
>;

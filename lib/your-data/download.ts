import type { HeldData, HeldSupporterRow } from "@/db/queries/your-data-export";
import { personResource, supporterResource } from "@/lib/osdi/resources";

// The "Your data" download: an OSDI person (the API's own shape, lib/osdi/resources.ts) with
// their signatures and pledge takings, each as the OSDI API serves it plus everything else held
// on the row, the consents given with each, and the emails still kept.

function supporterOf(origin: string, row: HeldSupporterRow) {
  return {
    ...supporterResource(origin, row.kind === "petition" ? "signature" : "taker", row),
    [row.kind]: { id: row.parent_id, slug: row.parent_slug, title: row.parent_title },
    state: row.state,
    verified_date: row.verified_date,
    withdrawn_date: row.withdrawn_date,
    rejected_date: row.rejected_date,
    given_name: row.first_name,
    family_name: row.last_name,
    email_address: row.email,
    postal_code: row.postal_code,
    country: row.country,
    locality: row.locality,
    preferred_language: row.preferred_language,
    referral_code: row.referral_code,
    ip_address: row.ip_address,
  };
}

/** The consents given with one signature or pledge taking, as its row records them. */
function consentsOf(row: HeldSupporterRow) {
  const on = { kind: row.kind === "petition" ? "signature" : "pledge_taker", id: row.id };
  return [
    {
      ...on,
      consent: "privacy_notice",
      version: row.privacy_notice_version,
      given_date: row.privacy_accepted_date,
    },
    {
      ...on,
      consent: "updates",
      given: row.wants_updates,
      changed_date: row.wants_updates_date ?? row.created_date,
    },
    { ...on, consent: "shown_publicly", given: row.is_public, changed_date: row.created_date },
  ];
}

export function yourDataDocument(origin: string, held: HeldData, now: Date) {
  return {
    generated_date: now.toISOString(),
    person: held.person ? personResource(origin, held.person) : null,
    signatures: held.supporters
      .filter((row) => row.kind === "petition")
      .map((row) => supporterOf(origin, row)),
    pledge_takers: held.supporters
      .filter((row) => row.kind === "pledge")
      .map((row) => supporterOf(origin, row)),
    consents: held.supporters.flatMap(consentsOf),
    emails: held.mail,
  };
}

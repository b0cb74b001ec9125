import type { ConsentRecord } from "@/db/queries/consents";
import type { HeldData, HeldSupporterRow } from "@/db/queries/your-data-export";
import { personResource, supporterResource } from "@/lib/osdi/resources";

// The "Your data" download: an OSDI person (the API's own shape, lib/osdi/resources.ts) with
// their signatures and pledge takings, each as the OSDI API serves it plus everything else held
// on the row, the consents given with each, and the emails still kept.

function supporterOf(origin: string, row: HeldSupporterRow, consents: ConsentRecord[]) {
  const own = consents.filter((consent) => consent.supporterId === row.id);
  return {
    ...supporterResource(origin, row.kind === "petition" ? "signature" : "taker", row),
    "upstand:consents": own.map(consentOf),
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

/** A consent record as the download gives it: what was agreed to, word for word, when and how. */
function consentOf(consent: ConsentRecord) {
  return {
    id: consent.id,
    on: consent.supporterKind === "petition" ? "signature" : "pledge_taker",
    on_id: consent.supporterId,
    [consent.supporterKind]: consent.parentSlug,
    kind: consent.kind,
    text_id: consent.textId,
    text_sha256: consent.textHash,
    text: consent.text,
    channel: consent.channel,
    given_date: consent.givenAt.toISOString(),
    withdrawn_date: consent.withdrawnAt?.toISOString() ?? null,
  };
}

export function yourDataDocument(origin: string, held: HeldData, now: Date) {
  return {
    generated_date: now.toISOString(),
    person: held.person ? personResource(origin, held.person) : null,
    signatures: held.supporters
      .filter((row) => row.kind === "petition")
      .map((row) => supporterOf(origin, row, held.consents)),
    pledge_takers: held.supporters
      .filter((row) => row.kind === "pledge")
      .map((row) => supporterOf(origin, row, held.consents)),
    consents: held.consents.map(consentOf),
    emails: held.mail,
  };
}

// The body of each webhook, made once from the snapshot the database's trigger took when the event
// happened (migration 0021) and stored: every retry and replay sends these very bytes. Signatures
// take Action Network's webhook shape (an array holding one object with `osdi:signature` and the
// person embedded, `_links` to the OSDI API), so that a receiver written for Action Network reads
// them; Upstand adds `type` and `timestamp` beside it, as Standard Webhooks suggests. A
// `person.erased` event carries identifiers only.

export interface WebhookEventRecord {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const date = (value: unknown): string | null => {
  const text = str(value);
  return text ? new Date(text).toISOString() : null;
};
const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
const upstandId = (id: string) => `upstand:${id}`;

function supporterRecord(data: Record<string, unknown>, site: URL) {
  const href = (path: string) => ({ href: new URL(path, site).toString() });
  const isPetition = data.kind === "signature";
  const personId = str(data.person_id);
  const parentId = String(data.parent_id);
  const email = str(data.email);
  const person = {
    ...(personId ? { identifiers: [upstandId(personId)] } : {}),
    given_name: str(data.given_name),
    family_name: str(data.family_name),
    email_addresses: email
      ? [
          {
            address: email,
            primary: true,
            status: data.wants_updates === true ? "subscribed" : "unsubscribed",
          },
        ]
      : [],
    postal_addresses: [
      {
        primary: true,
        postal_code: str(data.postal_code),
        region: str(data.region),
        country: str(data.country),
      },
    ],
    languages_spoken: [str(data.preferred_language) ?? "en"],
  };
  return {
    identifiers: [upstandId(String(data.id))],
    created_date: date(data.created_at),
    modified_date: date(data.modified_at),
    status: data.state === "verified" ? "confirmed" : String(data.state),
    ...(isPetition ? { comments: str(data.comment) } : {}),
    ...(data.state === "rejected" ? { rejection_reason: str(data.rejection_reason) } : {}),
    person,
    add_tags: [],
    "action_network:referrer_data": { source: str(data.source), referrer: str(data.referred_by) },
    _links: {
      ...(isPetition
        ? { self: href(`/api/osdi/v1/petitions/${parentId}/signatures/${String(data.id)}`) }
        : {}),
      ...(isPetition ? { "osdi:petition": href(`/api/osdi/v1/petitions/${parentId}`) } : {}),
      ...(personId ? { "osdi:person": href(`/api/osdi/v1/people/${personId}`) } : {}),
    },
  };
}

/** The JSON text sent for an event; `site` is the public address links are made absolute with. */
export function webhookBody(event: WebhookEventRecord, site: URL): string {
  const data = event.payload;
  const head = { type: event.type, timestamp: event.occurredAt.toISOString() };
  const sponsor = (kind: "petition" | "pledge", title: unknown, slug: unknown) => ({
    title: str(title),
    url: new URL(`/${kind}/${String(slug)}`, site).toString(),
  });
  let item: Record<string, unknown>;
  if (event.type.startsWith("signature.")) {
    item = {
      ...head,
      "osdi:signature": supporterRecord(data, site),
      "action_network:sponsor": sponsor("petition", data.parent_title, data.parent_slug),
    };
  } else if (event.type.startsWith("pledge.")) {
    item = {
      ...head,
      "upstand:pledge_signature": supporterRecord(data, site),
      "action_network:sponsor": sponsor("pledge", data.parent_title, data.parent_slug),
    };
  } else if (event.type === "person.erased") {
    const person = str(data.person);
    item = {
      ...head,
      "upstand:erasure": {
        identifiers: person ? [upstandId(person)] : [],
        signatures: ids(data.signatures).map(upstandId),
        pledge_signatures: ids(data.pledges).map(upstandId),
        erased_date: date(data.erased_at),
      },
    };
  } else if (event.type === "commitment.activated") {
    item = {
      ...head,
      "upstand:commitment": {
        identifiers: [upstandId(String(data.id))],
        slug: str(data.slug),
        title: str(data.title),
        threshold: typeof data.threshold === "number" ? data.threshold : null,
        activated_date: date(data.activated_at),
        pledge: {
          identifiers: [upstandId(String(data.pledge_id))],
          title: str(data.pledge_title),
          url: new URL(`/pledge/${String(data.pledge_slug)}`, site).toString(),
        },
      },
    };
  } else {
    item = {
      ...head,
      "upstand:test": { endpoint: upstandId(String(data.endpoint)), message: str(data.message) },
    };
  }
  return JSON.stringify([item]);
}

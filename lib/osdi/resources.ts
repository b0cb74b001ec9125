import type { OsdiCampaignKind, OsdiCampaignRow } from "@/db/queries/osdi-campaigns";
import type { OsdiPersonRow } from "@/db/queries/osdi-people";
import type { OsdiSupporterKind, OsdiSupporterRow } from "@/db/queries/osdi-supporters";
import { siteUrl } from "@/lib/http/site-url";
import { curies, OSDI_BASE_PATH } from "./hal";

/** The names under which each kind is served: OSDI's for petitions and signatures, Upstand's for pledges. */
export const OSDI_NAMES = {
  petition: { path: "petitions", rel: "osdi:petitions", one: "osdi:petition" },
  pledge: { path: "pledges", rel: "upstand:pledges", one: "upstand:pledge" },
  signature: { path: "signatures", rel: "osdi:signatures", one: "osdi:signature" },
  taker: { path: "takers", rel: "upstand:takers", one: "upstand:taker" },
} as const;

export const SUPPORTER_OF: Record<OsdiCampaignKind, OsdiSupporterKind> = {
  petition: "signature",
  pledge: "taker",
};

export const PARENT_OF: Record<OsdiSupporterKind, OsdiCampaignKind> = {
  signature: "petition",
  taker: "pledge",
};

/** An absolute link into this API, on the address the request came to. */
export const apiHref = (origin: string, path: string) => ({ href: `${origin}${OSDI_BASE_PATH}${path}` });

const identifiers = (id: string) => [`upstand:${id}`];

/** A petition (OSDI) or a pledge (the same shape under `upstand:`), with its verified total. */
export function campaignResource(origin: string, kind: OsdiCampaignKind, row: OsdiCampaignRow) {
  const names = OSDI_NAMES[kind];
  const supporter = OSDI_NAMES[SUPPORTER_OF[kind]];
  const self = `/${names.path}/${row.id}`;
  return {
    identifiers: identifiers(row.id),
    origin_system: "Upstand",
    created_date: row.created_date,
    modified_date: row.modified_date,
    name: row.slug,
    title: row.title,
    description: row.background,
    ...(kind === "petition"
      ? { petition_text: row.text, target: row.target ? [{ name: row.target }] : [] }
      : { pledge_text: row.text }),
    browser_url: new URL(`/${kind}/${row.slug}`, siteUrl()).href,
    is_open: row.is_open,
    [kind === "petition" ? "total_signatures" : "total_takers"]: row.total,
    _links: {
      self: apiHref(origin, self),
      [supporter.rel]: apiHref(origin, `${self}/${supporter.path}`),
      ...(kind === "petition"
        ? { "osdi:record_signature_helper": apiHref(origin, `${self}/signatures/record_signature_helper`) }
        : {}),
    },
  };
}

/** A verified signature (OSDI) or pledge taking (`upstand:`), linked to its petition or pledge and its person. */
export function supporterResource(origin: string, kind: OsdiSupporterKind, row: OsdiSupporterRow) {
  const parent = OSDI_NAMES[PARENT_OF[kind]];
  return {
    identifiers: identifiers(row.id),
    created_date: row.created_date,
    modified_date: row.modified_date,
    action_date: row.created_date,
    ...(kind === "signature" && row.comment !== null ? { comments: row.comment } : {}),
    referrer_data: {
      ...(row.source !== null ? { source: row.source } : {}),
      ...(row.referred_by !== null ? { referrer: row.referred_by } : {}),
      ...(row.referrer_website !== null ? { website: row.referrer_website } : {}),
      ...(row.referrer_url !== null ? { url: row.referrer_url } : {}),
    },
    "upstand:consents": row.consents,
    _links: {
      self: apiHref(origin, `/${parent.path}/${row.parent_id}/${OSDI_NAMES[kind].path}/${row.id}`),
      [parent.one]: apiHref(origin, `/${parent.path}/${row.parent_id}`),
      ...(row.person_id !== null ? { "osdi:person": apiHref(origin, `/people/${row.person_id}`) } : {}),
    },
  };
}

/** A person: one per canonical email, with their email's subscription from their own choice. */
export function personResource(origin: string, row: OsdiPersonRow) {
  const self = `/people/${row.id}`;
  return {
    identifiers: identifiers(row.id),
    created_date: row.created_date,
    modified_date: row.modified_date,
    ...(row.first_name !== null ? { given_name: row.first_name } : {}),
    ...(row.last_name !== null ? { family_name: row.last_name } : {}),
    email_addresses:
      row.email === null
        ? []
        : [{ primary: true, address: row.email, status: row.is_subscribed ? "subscribed" : "unsubscribed" }],
    postal_addresses:
      row.postal_code === null && row.country === null
        ? []
        : [
            {
              primary: true,
              ...(row.postal_code !== null ? { postal_code: row.postal_code } : {}),
              ...(row.country !== null ? { country: row.country } : {}),
            },
          ],
    ...(row.preferred_language !== null ? { preferred_language: row.preferred_language } : {}),
    _links: {
      self: apiHref(origin, self),
      "osdi:signatures": apiHref(origin, `${self}/signatures`),
      "upstand:takers": apiHref(origin, `${self}/takers`),
    },
  };
}

/** The entry point: what this API serves, and where. */
export function entryPoint(origin: string) {
  return {
    motd: "Upstand's OSDI API: petitions, signatures and people, and pledges under upstand:.",
    vendor_name: "Upstand",
    product_name: "Upstand",
    osdi_version: "1.1.1",
    namespace: "upstand",
    _links: {
      self: apiHref(origin, ""),
      "osdi:petitions": { ...apiHref(origin, "/petitions"), title: "The petitions" },
      "osdi:people": { ...apiHref(origin, "/people"), title: "The people who signed or pledged" },
      "upstand:pledges": { ...apiHref(origin, "/pledges"), title: "The pledges" },
      curies: curies(origin),
    },
  };
}

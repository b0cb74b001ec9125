import { z } from "zod";
import { CONSENT_CHANNELS, CONSENT_KINDS } from "@/lib/domain/enums";

// The HAL JSON answers of the OSDI API (lib/osdi/resources.ts and hal.ts), for the OpenAPI
// document; tests/integration/osdi-sync.test.ts checks live answers against them.

const link = z.object({ href: z.url(), title: z.string().optional() });
const curie = z.object({ name: z.string(), href: z.string(), templated: z.literal(true) });
const time = z.iso.datetime().meta({ description: "UTC, to the microsecond." });
const identifiers = z.array(z.string()).meta({ description: '"upstand:<id>".' });
const links = (names: string[]) =>
  z
    .object({ self: link, curies: z.array(curie).optional() })
    .catchall(link)
    .meta({ description: `Links: ${names.join(", ")}.` });

export const osdiEntryPointSchema = z.object({
  motd: z.string(),
  vendor_name: z.string(),
  product_name: z.string(),
  osdi_version: z.literal("1.1.1"),
  namespace: z.literal("upstand"),
  _links: links(["osdi:petitions", "osdi:people", "upstand:pledges"]),
});

const campaign = {
  identifiers,
  origin_system: z.string(),
  created_date: time,
  modified_date: time,
  name: z.string().meta({ description: "The slug." }),
  title: z.string(),
  description: z.string(),
  browser_url: z.url(),
  is_open: z.boolean(),
};

export const osdiPetitionSchema = z.object({
  ...campaign,
  petition_text: z.string(),
  target: z.array(z.object({ name: z.string() })),
  total_signatures: z.number().int().meta({ description: "Verified signatures only." }),
  _links: links(["osdi:signatures", "osdi:record_signature_helper"]),
});

export const osdiPledgeSchema = z.object({
  ...campaign,
  pledge_text: z.string(),
  total_takers: z.number().int().meta({ description: "Verified pledge takers only." }),
  _links: links(["upstand:takers"]),
});

export const osdiSignatureSchema = z.object({
  identifiers,
  created_date: time,
  modified_date: time,
  action_date: time,
  comments: z.string().optional(),
  referrer_data: z.object({
    source: z
      .string()
      .optional()
      .meta({ description: "The `source` code of the link the supporter came by." }),
    referrer: z
      .string()
      .optional()
      .meta({ description: "The referral code of the supporter who shared the link." }),
    website: z.string().optional().meta({
      description: "The origin of the partner site that sent the supporter, or whose embed they used.",
    }),
    url: z.string().optional().meta({
      description:
        "The referring page: origin and path, with only utm_*, source and ref kept from its query.",
    }),
  }),
  "upstand:consents": z
    .array(
      z.object({
        kind: z.enum(CONSENT_KINDS),
        text_id: z.string().meta({
          description: '"<kind>/<first 12 hex digits of the SHA-256>/<locale>", or "<kind>/legacy".',
        }),
        text_sha256: z
          .string()
          .nullable()
          .meta({ description: "SHA-256 of the words shown, in hex; null for legacy consents." }),
        channel: z.enum(CONSENT_CHANNELS),
        given_date: time,
        withdrawn_date: time.nullable(),
      }),
    )
    .meta({
      description: "Every consent the supporter gave (privacy notice, updates, being shown), oldest first.",
    }),
  _links: links(["osdi:petition", "osdi:person"]),
});

export const osdiTakerSchema = osdiSignatureSchema
  .omit({ comments: true })
  .extend({ _links: links(["upstand:pledge", "osdi:person"]) });

export const osdiPersonSchema = z.object({
  identifiers,
  created_date: time,
  modified_date: time,
  given_name: z.string().optional(),
  family_name: z.string().optional(),
  email_addresses: z.array(
    z.object({
      primary: z.boolean(),
      address: z.string(),
      status: z.enum(["subscribed", "unsubscribed"]),
    }),
  ),
  postal_addresses: z.array(
    z.object({ primary: z.boolean(), postal_code: z.string().optional(), country: z.string().optional() }),
  ),
  preferred_language: z.string().optional(),
  _links: links(["osdi:signatures", "upstand:takers"]),
});

/** An OSDI collection of `item` under `rel`. */
export const osdiCollectionSchema = (rel: string, item: z.ZodType) =>
  z.object({
    total_pages: z.number().int(),
    per_page: z.number().int().max(25),
    page: z.number().int(),
    total_records: z.number().int(),
    _links: z
      .object({ self: link, next: link.optional(), curies: z.array(curie) })
      .catchall(z.array(link))
      .meta({ description: `next (while the page had rows) and a link to each item under ${rel}.` }),
    _embedded: z.object({ [rel]: z.array(item) }),
  });

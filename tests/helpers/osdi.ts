import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { getDb } from "@/db";
import { pledgeTakers, signatures, type SupportState } from "@/db/schema";
import { canonicalEmail } from "@/lib/domain/canonical-email";
import type { z } from "zod";
import {
  osdiCollectionSchema,
  osdiPersonSchema,
  osdiPetitionSchema,
  osdiPledgeSchema,
  osdiSignatureSchema,
  osdiTakerSchema,
} from "@/lib/openapi/osdi-schemas";

/** A supporter row put straight into the table (the people triggers still run), as a test needs it. */
export async function addSupporter(
  kind: "signature" | "taker",
  parentId: string,
  email: string,
  state: SupportState,
  extra: { wantsUpdates?: boolean; comment?: string; firstName?: string } = {},
): Promise<string> {
  const common = {
    state,
    firstName: extra.firstName ?? "Ada",
    lastName: "Lovelace",
    email,
    emailCanonical: canonicalEmail(email),
    country: "GB",
    postalCode: "SW1A 1AA",
    privacyNoticeVersion: "test",
    privacyAcceptedAt: new Date(),
    referralCode: randomUUID(),
    wantsUpdates: extra.wantsUpdates ?? false,
    verifiedAt: state === "verified" ? new Date() : null,
    source: "newsletter",
  };
  const [row] =
    kind === "signature"
      ? await getDb()
          .insert(signatures)
          .values({ ...common, petitionId: parentId, comment: extra.comment ?? null })
          .returning({ id: signatures.id })
      : await getDb()
          .insert(pledgeTakers)
          .values({ ...common, pledgeId: parentId })
          .returning({ id: pledgeTakers.id });
  return row!.id;
}

export interface HalPage {
  total_pages: number;
  per_page: number;
  page: number;
  total_records: number;
  _links: Record<string, { href: string } | { href: string }[] | undefined> & { next?: { href: string } };
  _embedded: Record<string, HalItem[]>;
}

export interface HalItem {
  identifiers: string[];
  modified_date: string;
  _links: Record<string, { href: string }>;
  [field: string]: unknown;
}

const ITEM_SCHEMAS: Record<string, z.ZodType> = {
  "osdi:petitions": osdiPetitionSchema,
  "osdi:signatures": osdiSignatureSchema,
  "osdi:people": osdiPersonSchema,
  "upstand:pledges": osdiPledgeSchema,
  "upstand:takers": osdiTakerSchema,
};

/** A client of the OSDI API as its spec describes one: the key in its header, HAL JSON back. */
export function osdiClient(key: string) {
  const get = async <T>(url: string): Promise<T> => {
    const response = await fetch(url, { headers: { "OSDI-API-Token": key } });
    expect(response.status, `${url}: ${response.status}`).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/hal+json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    return (await response.json()) as T;
  };
  /** Every item of a collection, following `next` until a page comes back empty. */
  const walk = async (url: string, rel: string): Promise<HalItem[]> => {
    const items: HalItem[] = [];
    let next: string | undefined = url;
    while (next) {
      const page: HalPage = await get<HalPage>(next);
      // Each page is what the OpenAPI document says it is (lib/openapi/osdi-schemas.ts).
      const item = ITEM_SCHEMAS[rel];
      expect(item, `no schema for ${rel}`).toBeDefined();
      const described = osdiCollectionSchema(rel, item!).safeParse(page);
      expect(described.error?.issues ?? [], next).toEqual([]);
      const embedded = page._embedded[rel]!;
      if (embedded.length === 0) break;
      items.push(...embedded);
      next = page._links.next?.href;
    }
    return items;
  };
  return { get, walk };
}

export const uuidOf = (item: HalItem) => item.identifiers[0]!.replace(/^upstand:/, "");

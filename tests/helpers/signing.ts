import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { getFeaturedCampaign } from "@/db/queries/campaigns";
import { outboxMessages } from "@/db/schema";
import { seedDemoCampaign } from "@/db/seed";
import { signPetition, type SigningContext } from "@/lib/signing/signing";
import { resetData } from "./test-database";

/** Empties the database and seeds the demo campaign; returns its petition. */
export async function freshDemoPetition(): Promise<{ slug: string; id: string }> {
  await resetData(getDb());
  await seedDemoCampaign(getDb());
  const petition = (await getFeaturedCampaign())!.petition!;
  return { slug: petition.slug, id: petition.id };
}

export const signer = (email: string) => ({
  firstName: "Ada",
  lastName: "Lovelace",
  email,
  country: "GB",
  postalCode: "SW1A 1AA",
  acceptsPrivacy: true,
});

/** Signs as the form would, with no IP address unless one is given. */
export function signAs(slug: string, email: string, context: Partial<SigningContext> = {}) {
  return signPetition(slug, signer(email), {
    ip: null,
    source: null,
    referredBy: null,
    honeypot: null,
    ...context,
  });
}

/** The confirm link's token, read back from the email the outbox holds for `email`. */
export async function confirmTokenFor(email: string): Promise<string> {
  const [mail] = await getDb()
    .select({ textBody: outboxMessages.textBody })
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, email));
  return /\/confirm\/([\w-]+)/.exec(mail!.textBody)![1]!;
}

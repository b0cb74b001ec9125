import type { Metadata } from "next";
import { listDeliveryPacks, listDeliveryPetitions } from "@/db/queries/delivery-packs";
import { listRootPetitions } from "@/db/queries/integrity";
import { requireStaff } from "@/lib/auth/staff";
import { DELIVERY_SPLIT_WORDS, DELIVERY_SPLITS } from "@/lib/domain/delivery";
import { DeliveryPackForm } from "./_components/delivery-pack-form";
import { DeliveryPackList } from "./_components/delivery-pack-list";
import { PublishRootForm } from "./_components/publish-root-form";

export const metadata: Metadata = { title: "Delivery pack" };

export default async function DeliveryPage() {
  const caller = await requireStaff("editor");
  const [petitions, packs, rootPetitions] = await Promise.all([
    listDeliveryPetitions(caller),
    listDeliveryPacks(caller),
    listRootPetitions(caller),
  ]);
  return (
    <section aria-labelledby="delivery-heading" className="space-y-6">
      <h1 id="delivery-heading" className="font-serif text-3xl font-bold">
        Delivery pack
      </h1>
      <p className="max-w-prose">
        A PDF to hand to the people a petition asks to act, and a matching CSV: the ask, the target, how many
        people had confirmed their signature at the time you choose, and each of them by first name, last
        initial and state, province or country. It never holds an email address, a postal code or an IP
        address. Comments are included only if they may be shown on the petition&rsquo;s page. Every pack and
        every download is in the audit log.
      </p>
      <DeliveryPackForm
        petitions={petitions}
        splits={DELIVERY_SPLITS.map((split) => ({ split, words: DELIVERY_SPLIT_WORDS[split] }))}
        now={new Date().toISOString().slice(0, 19)}
      />
      <DeliveryPackList packs={packs} />
      <PublishRootForm petitions={rootPetitions} />
    </section>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { DeliveryPackLine } from "@/db/queries/delivery-packs";
import { DELIVERY_SPLIT_WORDS } from "@/lib/domain/delivery";

const REFRESH_MS = 2_000;

const STATE_WORDS: Record<DeliveryPackLine["state"], string> = {
  queued: "Waiting to start",
  making: "Being made",
  done: "Ready",
  failed: "Could not be made",
};

const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The packs asked for, with their progress; the page refreshes itself while one is being made. */
export function DeliveryPackList({ packs }: { packs: DeliveryPackLine[] }) {
  const router = useRouter();
  const isWorking = packs.some((pack) => pack.state === "queued" || pack.state === "making");
  useEffect(() => {
    if (!isWorking) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [isWorking, router]);

  if (packs.length === 0) return <p>No pack has been made yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="delivery-packs">
        <caption className="sr-only">Delivery packs, newest first</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-4">
              Petition
            </th>
            <th scope="col" className="py-2 pr-4">
              As of
            </th>
            <th scope="col" className="py-2 pr-4">
              Grouped
            </th>
            <th scope="col" className="py-2 pr-4">
              Made by
            </th>
            <th scope="col" className="py-2 pr-4">
              Progress
            </th>
            <th scope="col" className="py-2">
              Files
            </th>
          </tr>
        </thead>
        <tbody>
          {packs.map((pack) => (
            <tr key={pack.id} className="border-b border-line align-top" data-testid="delivery-pack">
              <td className="py-2 pr-4">{pack.petitionTitle}</td>
              <td className="py-2 pr-4">{utc(pack.asOf)}</td>
              <td className="py-2 pr-4">
                {DELIVERY_SPLIT_WORDS[pack.split]}
                {pack.includesComments ? ", with comments" : ""}
              </td>
              <td className="py-2 pr-4">{pack.madeBy}</td>
              <td className="py-2 pr-4" data-testid="delivery-pack-state">
                {STATE_WORDS[pack.state]}
                {pack.state === "making" && pack.rowsTotal !== null
                  ? `: ${pack.rowsDone.toLocaleString("en")} of ${pack.rowsTotal.toLocaleString("en")} signatures`
                  : null}
                {pack.state === "done"
                  ? `: ${(pack.rowsTotal ?? 0).toLocaleString("en")} signatures, ${pack.pageCount} pages`
                  : null}
              </td>
              <td className="py-2">{pack.state === "done" ? <DownloadButtons id={pack.id} /> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A post, never a link: personal data leaves only on a request another site cannot start (proxy.ts). */
function DownloadButtons({ id }: { id: string }) {
  return (
    <div className="flex gap-2">
      {(["pdf", "csv"] as const).map((file) => (
        <form key={file} method="post" action="/staff/delivery/download">
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="file" value={file} />
          <button type="submit" className="button-secondary">
            {file === "pdf" ? "PDF" : "CSV"}
          </button>
        </form>
      ))}
    </div>
  );
}

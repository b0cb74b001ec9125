import {
  finishDeliveryPack,
  insertDeliveryChunk,
  listDeliverySections,
  listDeliverySigners,
  updateDeliveryProgress,
  type ClaimedDeliveryPack,
} from "@/db/queries/delivery-packs";
import type { DeliveryFile } from "@/lib/domain/delivery";
import { CSV_BOM, deliveryCsvHeader, deliveryCsvLine } from "./csv";
import { DeliveryPdf } from "./pdf";

/** About a megabyte per row of delivery_pack_chunks. */
const CHUNK_BYTES = 1 << 20;

/** The pack was taken over by another instance (this one's lease ran out): stop quietly. */
export class LostDeliveryLease extends Error {
  constructor() {
    super("Another instance took over this delivery pack.");
    this.name = "LostDeliveryLease";
  }
}

/** The signatures changed while the pack was being made (one was withdrawn, say): make it again. */
export class DeliveryCountChanged extends Error {
  constructor() {
    super("The signatures changed while the pack was made.");
    this.name = "DeliveryCountChanged";
  }
}

/** Collects a file's bytes and stores them in chunks of about a megabyte. */
class ChunkStore {
  private parts: Buffer[] = [];
  private held = 0;
  private seq = 0;
  bytes = 0;

  constructor(
    private readonly pack: ClaimedDeliveryPack,
    private readonly file: DeliveryFile,
  ) {}

  add(part: Buffer): void {
    this.parts.push(part);
    this.held += part.length;
    this.bytes += part.length;
  }

  async flush(isLast = false): Promise<void> {
    if (this.held === 0 || (!isLast && this.held < CHUNK_BYTES)) return;
    const data = Buffer.concat(this.parts);
    this.parts = [];
    this.held = 0;
    await insertDeliveryChunk(this.pack, this.file, this.seq++, data);
  }
}

/**
 * Makes a claimed pack's PDF and CSV in one pass over its signers, a page of rows at a time,
 * storing each file in chunks and noting progress (which renews the claim). The count on the
 * cover is counted first; should the rows listed differ (a signer withdrew meanwhile), it throws
 * DeliveryCountChanged and the job makes the pack again.
 */
export async function makeDeliveryPack(
  pack: ClaimedDeliveryPack,
): Promise<{ rowsTotal: number; pageCount: number }> {
  const sections = await listDeliverySections(pack);
  const rowsTotal = sections.reduce((sum, section) => sum + section.count, 0);
  if (!(await updateDeliveryProgress(pack, { rowsDone: 0, rowsTotal }))) throw new LostDeliveryLease();

  const pdfStore = new ChunkStore(pack, "pdf");
  const csvStore = new ChunkStore(pack, "csv");
  const pdf = new DeliveryPdf((part) => pdfStore.add(part), pack.petition.title);
  const isSplit = pack.split !== "none";
  pdf.cover({ ...pack.petition, count: rowsTotal, asOf: pack.asOf, isSplit });
  csvStore.add(Buffer.from(CSV_BOM + deliveryCsvHeader(pack.includesComments)));

  let rowsDone = 0;
  for (const [index, section] of sections.entries()) {
    if (isSplit) pdf.section(section.heading, section.count, true);
    else if (index === 0) pdf.section("Signatures", section.count, false);
    for await (const signers of listDeliverySigners(pack, section.key)) {
      let csv = "";
      for (const signer of signers) {
        pdf.signer(signer);
        csv += deliveryCsvLine(section.heading, signer, pack.includesComments);
      }
      csvStore.add(Buffer.from(csv));
      rowsDone += signers.length;
      await pdfStore.flush();
      await csvStore.flush();
      if (!(await updateDeliveryProgress(pack, { rowsDone }))) throw new LostDeliveryLease();
    }
  }
  if (rowsDone !== rowsTotal) throw new DeliveryCountChanged();
  await pdf.end();
  await pdfStore.flush(true);
  await csvStore.flush(true);
  const made = { rowsTotal, pageCount: pdf.pageCount, pdfBytes: pdfStore.bytes, csvBytes: csvStore.bytes };
  if (!(await finishDeliveryPack(pack, made))) throw new LostDeliveryLease();
  return made;
}

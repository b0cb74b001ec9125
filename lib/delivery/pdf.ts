import path from "node:path";
import PDFDocument from "pdfkit";
import { deliveryName } from "@/lib/domain/delivery";
import { formatNumber } from "@/lib/domain/format";

// The pack's PDF, written by pdfkit page by page as the rows come: each finished page leaves
// as bytes at once (`onData`), so memory holds one page, whatever the number of signers.

// DejaVu Sans (Bitstream Vera licence, free to embed) draws Latin, Greek, Cyrillic, Hebrew,
// Arabic and more; the standard PDF fonts draw only Western European letters. pdfkit embeds only
// the letters used. Chinese, Japanese and Korean names are not in it (docs/ARCHITECTURE.md).
const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const REGULAR = path.join(FONT_DIR, "DejaVuSans.ttf");
const BOLD = path.join(FONT_DIR, "DejaVuSans-Bold.ttf");

const MARGIN = 54;
const MUTED = "#444444";

export interface DeliveryPdfCover {
  title: string;
  target: string;
  ask: string;
  count: number;
  asOf: Date;
  isSplit: boolean;
}

export class DeliveryPdf {
  private readonly doc: PDFKit.PDFDocument;
  private pages = 1;
  private readonly ended: Promise<void>;

  constructor(onData: (chunk: Buffer) => void, title: string) {
    this.doc = new PDFDocument({
      size: "LETTER",
      margin: MARGIN,
      info: { Title: title, Creator: "Upstand", Producer: "Upstand" },
      // A fixed date keeps two packs of the same petition and time byte for byte the same.
      bufferPages: false,
    });
    this.doc.registerFont("regular", REGULAR);
    this.doc.registerFont("bold", BOLD);
    this.doc.on("data", onData);
    this.ended = new Promise((resolve, reject) => {
      this.doc.on("end", resolve);
      this.doc.on("error", reject);
    });
    this.doc.on("pageAdded", () => {
      this.pages++;
      this.footer();
    });
    this.footer();
  }

  get pageCount(): number {
    return this.pages;
  }

  cover(cover: DeliveryPdfCover): void {
    const doc = this.doc;
    doc.font("bold").fontSize(20).fillColor("black").text(cover.title);
    doc.moveDown(0.5);
    doc.font("regular").fontSize(12).fillColor(MUTED).text(`To: ${cover.target}`);
    doc.moveDown(1);
    doc.font("bold").fontSize(12).fillColor("black").text("The petition");
    doc.font("regular").fontSize(12).text(cover.ask);
    doc.moveDown(1);
    const when = `${formatDateUtc(cover.asOf)} UTC`;
    const people = cover.count === 1 ? "1 person" : `${formatNumber(cover.count, "en")} people`;
    doc.font("bold").fontSize(14).text(`${people} signed this petition`);
    doc
      .font("regular")
      .fontSize(11)
      .fillColor(MUTED)
      .text(
        `Confirmed signatures as of ${when}. Each signer is listed by first name, last initial ` +
          "and where they live (state, province or country)" +
          (cover.isSplit ? ", grouped by place." : "."),
      );
    doc.fillColor("black");
  }

  /** Starts a section on a fresh page when the pack is split, so each place can be handed over alone. */
  section(heading: string, count: number, isNewPage: boolean): void {
    const doc = this.doc;
    if (isNewPage) doc.addPage();
    else doc.moveDown(1.5);
    const signers = count === 1 ? "1 signature" : `${formatNumber(count, "en")} signatures`;
    doc.font("bold").fontSize(15).fillColor("black").text(heading);
    doc.font("regular").fontSize(10).fillColor(MUTED).text(signers);
    doc.fillColor("black").moveDown(0.5);
  }

  signer(signer: {
    firstName: string | null;
    lastName: string | null;
    locality: string | null;
    comment: string | null;
  }): void {
    const doc = this.doc;
    const name = deliveryName(signer.firstName, signer.lastName);
    const line = signer.locality ? `${name}, ${signer.locality}` : name;
    doc
      .font("regular")
      .fontSize(10)
      .text(line, MARGIN, undefined, { width: doc.page.width - 2 * MARGIN });
    if (signer.comment) {
      doc
        .fontSize(9)
        .fillColor(MUTED)
        .text(`“${signer.comment.trim()}”`, MARGIN + 18, undefined, {
          width: doc.page.width - 2 * MARGIN - 18,
        });
      doc.fillColor("black").moveDown(0.3);
    }
  }

  async end(): Promise<void> {
    this.doc.end();
    await this.ended;
  }

  /** "Page 3" at the foot of the page, drawn inside the bottom margin without moving the text's place. */
  private footer(): void {
    const doc = this.doc;
    const { x, y } = doc;
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(8)
      .fillColor(MUTED)
      .text(`Page ${this.pages}`, MARGIN, doc.page.height - MARGIN / 2 - 8, {
        width: doc.page.width - 2 * MARGIN,
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
    doc.fillColor("black");
    doc.x = x;
    doc.y = y;
  }
}

function formatDateUtc(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "UTC",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

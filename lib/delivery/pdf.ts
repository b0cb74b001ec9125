import path from "node:path";
import PDFDocument from "pdfkit";
import { deliveryName } from "@/lib/domain/delivery";
import { formatNumber } from "@/lib/domain/format";

// The pack's PDF, written by pdfkit page by page as the rows come: each finished page leaves
// as bytes at once (`onData`), so memory holds one page, whatever the number of signers.

// Two fonts. Text in Western European letters (the PDF's WinAnsi set) is drawn in Helvetica, a
// standard PDF font: nothing to embed, and measured about three times faster to lay out than an
// embedded font, whose every new word goes through OpenType shaping (docs/PERFORMANCE.md). Any
// other text, a name in Greek, Cyrillic, Hebrew or Arabic letters say, is drawn in DejaVu Sans
// (Bitstream Vera licence, free to embed), of which pdfkit embeds only the letters used. Chinese,
// Japanese and Korean letters are in neither (docs/ARCHITECTURE.md).
const FONT_DIR = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
const REGULAR = path.join(FONT_DIR, "DejaVuSans.ttf");
const BOLD = path.join(FONT_DIR, "DejaVuSans-Bold.ttf");

/** Printable ASCII, Latin-1 and the few other characters of WinAnsiEncoding (curly quotes, dashes, €…). */
const WIN_ANSI = /^[\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ\n]*$/;

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
    this.doc.registerFont("wide", REGULAR);
    this.doc.registerFont("wide-bold", BOLD);
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
    this.write(cover.title, { size: 20, isBold: true });
    doc.moveDown(0.5);
    this.write(`To: ${cover.target}`, { size: 12, color: MUTED });
    doc.moveDown(1);
    this.write("The petition", { size: 12, isBold: true });
    this.write(cover.ask, { size: 12 });
    doc.moveDown(1);
    const when = `${formatDateUtc(cover.asOf)} UTC`;
    const people = cover.count === 1 ? "1 person" : `${formatNumber(cover.count, "en")} people`;
    this.write(`${people} signed this petition`, { size: 14, isBold: true });
    this.write(
      `Confirmed signatures as of ${when}. Each signer is listed by first name, last initial ` +
        "and where they live (state, province or country)" +
        (cover.isSplit ? ", grouped by place." : "."),
      { size: 11, color: MUTED },
    );
  }

  /** Starts a section on a fresh page when the pack is split, so each place can be handed over alone. */
  section(heading: string, count: number, isNewPage: boolean): void {
    const doc = this.doc;
    if (isNewPage) doc.addPage();
    else doc.moveDown(1.5);
    const signers = count === 1 ? "1 signature" : `${formatNumber(count, "en")} signatures`;
    this.write(heading, { size: 15, isBold: true });
    this.write(signers, { size: 10, color: MUTED });
    doc.moveDown(0.5);
  }

  signer(signer: {
    firstName: string | null;
    lastName: string | null;
    locality: string | null;
    comment: string | null;
  }): void {
    const name = deliveryName(signer.firstName, signer.lastName);
    this.write(signer.locality ? `${name}, ${signer.locality}` : name, { size: 10 });
    if (signer.comment) {
      this.write(`“${signer.comment.trim()}”`, { size: 9, color: MUTED, indent: 18 });
      this.doc.moveDown(0.3);
    }
  }

  /**
   * Writes a paragraph in the font that can draw it. A line that fits is placed directly, without
   * pdfkit's line wrapper (which measures word by word): most signers' lines are short.
   */
  private write(
    text: string,
    style: { size: number; isBold?: boolean; color?: string; indent?: number },
  ): void {
    const doc = this.doc;
    const isWinAnsi = WIN_ANSI.test(text);
    const font = isWinAnsi
      ? style.isBold
        ? "Helvetica-Bold"
        : "Helvetica"
      : style.isBold
        ? "wide-bold"
        : "wide";
    doc
      .font(font)
      .fontSize(style.size)
      .fillColor(style.color ?? "black");
    const x = MARGIN + (style.indent ?? 0);
    const width = doc.page.width - MARGIN - x;
    if (!text.includes("\n") && doc.widthOfString(text) <= width) {
      const lineHeight = doc.currentLineHeight(true);
      if (doc.y + lineHeight > doc.page.maxY()) doc.addPage();
      const y = doc.y;
      doc.text(text, x, y, { lineBreak: false });
      doc.x = MARGIN;
      doc.y = y + lineHeight;
    } else {
      doc.text(text, x, doc.y, { width });
      doc.x = MARGIN;
    }
    doc.fillColor("black");
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
      .font("Helvetica")
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

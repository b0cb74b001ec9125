import { DEFAULT_LOCALE, type Locale } from "@/lib/domain/locale";
import type { MailContent } from "@/lib/domain/mail";
import { emailWords, type EmailWords } from "@/lib/mail/words";

// One layout for every email: the same words as plain text and as simple HTML (inline styles,
// no tables, no remote images, no scripts, no tracking), with a footer that says why the person
// received it. Every value is escaped here: names and titles are user or staff input.

/** A piece of an email's body, in reading order. */
export type MailBlock =
  | { paragraph: string }
  | { list: string[] }
  /** A link on its own: a button in HTML, the label and the address on their own lines in text. */
  | { action: { label: string; url: string } };

export interface MailFooter {
  /** Why this person received it: "You received this email because …". */
  reason: string;
  privacyUrl: string;
  /** "Your data": where anyone this email reached can see, download or erase what is held about them. */
  yourDataUrl: string;
  /** For those who asked for updates: the page that turns them off (its button posts). */
  unsubscribe?: { pageUrl: string; oneClickUrl: string };
}

export interface MailLayout {
  /** The language the email is written in: its footer's words and the HTML's `lang`. English by default. */
  locale?: Locale;
  campaignName: string;
  subject: string;
  heading: string;
  greeting: string;
  blocks: MailBlock[];
  footer: MailFooter;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text as HTML text or attribute value: nothing in it can open a tag or leave an attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const FONT = "font-family:Georgia,'Times New Roman',serif;";
const INK = "color:#1c1917;";
const MUTED = "color:#57534e;";

function blockText(block: MailBlock): string {
  if ("paragraph" in block) return block.paragraph;
  if ("list" in block) return block.list.map((item) => `- ${item}`).join("\n");
  return `${block.action.label}:\n${block.action.url}`;
}

function blockHtml(block: MailBlock, t: EmailWords): string {
  if ("paragraph" in block)
    return `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;">${escapeHtml(block.paragraph)}</p>`;
  if ("list" in block)
    return `<ul style="margin:0 0 16px;padding-left:24px;font-size:16px;line-height:1.5;">${block.list
      .map((item) => `<li>${escapeHtml(item)}</li>`)
      .join("")}</ul>`;
  const { label, url } = block.action;
  return (
    `<p style="margin:0 0 8px;"><a href="${escapeHtml(url)}" style="display:inline-block;padding:12px 20px;` +
    `background:#1c1917;color:#ffffff;text-decoration:none;border-radius:6px;font-size:16px;font-weight:bold;">` +
    `${escapeHtml(label)}</a></p>` +
    `<p style="margin:0 0 16px;font-size:13px;line-height:1.4;${MUTED}word-break:break-all;">` +
    `${escapeHtml(t("layout.buttonFallback", { url }))}</p>`
  );
}

const footerWords = (footer: MailFooter, campaignName: string, t: EmailWords) => ({
  privacy: t("layout.privacy"),
  yourData: t("yourData.footerLink"),
  unsubscribe: t("layout.unsubscribe", { campaign: campaignName }),
  reason: footer.reason,
});

/** The email, as both parts, with List-Unsubscribe headers when the footer offers to stop updates. */
export function renderMail(layout: MailLayout): MailContent {
  const { campaignName, footer, locale = DEFAULT_LOCALE } = layout;
  const t = emailWords(locale);
  const words = footerWords(footer, campaignName, t);
  const text = [
    layout.greeting,
    "",
    ...layout.blocks.flatMap((block) => [blockText(block), ""]),
    campaignName,
    "",
    "--",
    words.reason,
    `${words.privacy}: ${footer.privacyUrl}`,
    `${words.yourData}: ${footer.yourDataUrl}`,
    ...(footer.unsubscribe ? [`${words.unsubscribe}: ${footer.unsubscribe.pageUrl}`] : []),
  ].join("\n");

  const html = [
    "<!doctype html>",
    `<html lang="${locale}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(layout.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f5f5f4;${FONT}${INK}">`,
    // A main landmark holds everything, so that screen readers find the message as the page's content.
    `<main style="display:block;max-width:600px;margin:0 auto;padding:24px 20px;background:#ffffff;">`,
    `<p style="margin:0 0 16px;font-size:14px;letter-spacing:0.05em;text-transform:uppercase;${MUTED}">${escapeHtml(campaignName)}</p>`,
    `<h1 style="margin:0 0 16px;font-size:24px;line-height:1.3;">${escapeHtml(layout.heading)}</h1>`,
    `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;">${escapeHtml(layout.greeting)}</p>`,
    ...layout.blocks.map((block) => blockHtml(block, t)),
    `<p style="margin:24px 0 0;font-size:16px;">${escapeHtml(campaignName)}</p>`,
    `<hr style="margin:24px 0 16px;border:0;border-top:1px solid #d6d3d1;">`,
    `<div style="font-size:13px;line-height:1.5;${MUTED}">`,
    `<p style="margin:0 0 8px;">${escapeHtml(words.reason)}</p>`,
    `<p style="margin:0 0 8px;"><a href="${escapeHtml(footer.privacyUrl)}" style="color:#1c1917;">${escapeHtml(words.privacy)}</a></p>`,
    `<p style="margin:0 0 8px;"><a href="${escapeHtml(footer.yourDataUrl)}" style="color:#1c1917;">${escapeHtml(words.yourData)}</a></p>`,
    ...(footer.unsubscribe
      ? [
          `<p style="margin:0;"><a href="${escapeHtml(footer.unsubscribe.pageUrl)}" style="color:#1c1917;">${escapeHtml(words.unsubscribe)}</a></p>`,
        ]
      : []),
    "</div></main></body></html>",
  ].join("\n");

  return {
    subject: layout.subject,
    text,
    html,
    fromName: campaignName,
    ...(footer.unsubscribe
      ? {
          headers: {
            "List-Unsubscribe": `<${footer.unsubscribe.oneClickUrl}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          },
        }
      : {}),
  };
}

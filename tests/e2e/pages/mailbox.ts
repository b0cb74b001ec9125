import { expect, type APIRequestContext } from "@playwright/test";

export interface Mail {
  to: string;
  subject: string;
  body: string;
}

/** The emails /dev/mailbox shows, newest first, read as a person would read them. */
export async function readMailbox(request: APIRequestContext, search: string): Promise<Mail[]> {
  const html = await (await request.get(`/dev/mailbox?q=${encodeURIComponent(search)}`)).text();
  const mails: Mail[] = [];
  const pattern =
    /data-testid="mail-to">([^<]*)<\/span>[\s\S]*?data-testid="mail-subject">([^<]*)<\/h2>[\s\S]*?data-testid="mail-body">([^<]*)<\/pre>/g;
  for (const match of html.matchAll(pattern)) {
    mails.push({ to: decode(match[1]!), subject: decode(match[2]!), body: decode(match[3]!) });
  }
  return mails;
}

function decode(text: string): string {
  return text
    .replaceAll("&quot;", '"')
    .replaceAll("&#x27;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
}

export function mailsTo(mails: Mail[], address: string): Mail[] {
  return mails.filter((mail) => mail.to.toLowerCase() === address.toLowerCase());
}

/** The path of the one link in a mail that starts with `path` (/confirm/, /withdraw/). */
export function linkIn(mail: Mail, path: string): string {
  const match = new RegExp(`https?://\\S+?${path}[\\w-]+`).exec(mail.body);
  expect(match, `a ${path} link in "${mail.subject}"`).not.toBeNull();
  return new URL(match![0]).pathname;
}

/** Waits for the first email to `address` and returns it. */
export async function waitForMailTo(request: APIRequestContext, address: string): Promise<Mail> {
  let found: Mail | undefined;
  await expect(async () => {
    found = mailsTo(await readMailbox(request, address), address)[0];
    expect(found, `an email to ${address}`).toBeDefined();
  }).toPass({ timeout: 10_000 });
  return found!;
}

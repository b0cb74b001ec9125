/**
 * Who an email is from. MAIL_FROM is the sending address, as the mail server and its SPF/DKIM
 * records know it. Given as a bare address ("no-reply@example.org"), each email goes out in the
 * name of the campaign it speaks for; given with a display name ("Name <no-reply@example.org>"),
 * that name is kept for every email, as the operator chose it.
 */
export function senderOf(mailFrom: string, campaignName: string): string | { name: string; address: string } {
  const named = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/.exec(mailFrom);
  if (named && named[1]!.replace(/^"|"$/g, "").trim()) return mailFrom.trim();
  return { name: campaignName, address: named ? named[2]! : mailFrom.trim() };
}

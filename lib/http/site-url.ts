import { env } from "@/lib/env";

/** The site's public address, for absolute links in emails, share previews and the sitemap. */
export function siteUrl(): URL {
  const config = env();
  return new URL(config.SITE_URL ?? `http://localhost:${config.PORT}`);
}

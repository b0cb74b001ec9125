import type { Metadata } from "next";
import { listEmbedCampaigns } from "@/db/queries/embeds";
import { requireStaff } from "@/lib/auth/staff";
import { siteUrl } from "@/lib/http/site-url";
import { EmbedOriginsForm } from "./_components/embed-origins-form";

export const metadata: Metadata = { title: "Embeds" };

const snippetFor = (site: string, attribute: string, slug: string, extra = "") =>
  `<div data-upstand-${attribute}="${slug}"${extra} data-source="partner"></div>\n<script src="${site}/embed.js" async></script>`;

/** Per campaign: the sites allowed to frame its embeds, the snippets partners paste, and a preview. */
export default async function EmbedsPage() {
  const caller = await requireStaff("editor");
  const campaigns = await listEmbedCampaigns(caller);
  const site = siteUrl().origin;
  return (
    <section aria-labelledby="embeds-heading" className="space-y-8">
      <h1 id="embeds-heading" className="font-serif text-3xl font-bold">
        Embeds
      </h1>
      <p className="max-w-prose">
        Partners can show a petition or pledge form, or its live count, on their own pages. Only the sites
        listed for a campaign can show them; every change here is in the audit log. Signatures that come
        through an embed are counted by site in each petition&apos;s report.
      </p>
      {campaigns.map((campaign) => {
        const embeds = [
          ...campaign.petitionSlugs.map((slug) => ({
            label: `Petition form: ${slug}`,
            snippet: snippetFor(site, "petition", slug),
            preview: `/embed/petition/${slug}`,
          })),
          ...campaign.pledgeSlugs.map((slug) => ({
            label: `Pledge form: ${slug}`,
            snippet: snippetFor(site, "pledge", slug),
            preview: `/embed/pledge/${slug}`,
          })),
          ...campaign.petitionSlugs.map((slug) => ({
            label: `Petition count: ${slug}`,
            snippet: snippetFor(site, "counter", slug, ' data-kind="petition"'),
            preview: `/embed/counter/petition/${slug}`,
          })),
        ];
        return (
          <section key={campaign.id} aria-label={campaign.name} className="space-y-4 rounded-xl border p-4">
            <h2 className="font-serif text-2xl font-semibold">{campaign.name}</h2>
            <EmbedOriginsForm campaignId={campaign.id} origins={campaign.origins} />
            {embeds.map((embed) => (
              <details key={embed.preview} className="space-y-2">
                <summary className="font-semibold">{embed.label}</summary>
                <label className="block text-sm" htmlFor={`snippet-${embed.preview}`}>
                  Snippet to copy
                </label>
                <textarea
                  id={`snippet-${embed.preview}`}
                  readOnly
                  rows={3}
                  className="w-full rounded border p-2 font-mono text-sm"
                  value={embed.snippet}
                />
                {/* Lazy: a preview in a closed section loads only once opened, not one per action at once. */}
                <iframe
                  title={`Preview: ${embed.label}`}
                  src={embed.preview}
                  loading="lazy"
                  className="h-[36rem] w-full rounded border"
                />
              </details>
            ))}
          </section>
        );
      })}
    </section>
  );
}

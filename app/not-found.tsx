import { Document } from "@/components/layout/document";
import { NotFoundNotice } from "@/components/layout/not-found-notice";
import { SiteFrame } from "@/components/layout/site-frame";

// An address outside the public pages that nothing answers (a missing file at the root). Public
// addresses (/nope) reach app/[locale]/(site)/[...missing] instead, in the campaign's own frame;
// this one reads no database, as it is built with the app, and is in English: it has no address
// to read a language from without making every such answer dynamic.
const WITHOUT_CAMPAIGN = { campaignName: null, petitionSlug: null, pledgeSlug: null };

export default function NotFound() {
  return (
    <Document lang="en">
      <SiteFrame locale="en" navigation={WITHOUT_CAMPAIGN}>
        <NotFoundNotice locale="en" />
      </SiteFrame>
    </Document>
  );
}

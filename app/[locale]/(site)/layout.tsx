import { SiteFrame } from "@/components/layout/site-frame";
import { getSiteNavigation } from "@/db/queries/site";

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame navigation={await getSiteNavigation()}>{children}</SiteFrame>;
}

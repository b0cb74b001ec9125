import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { getSiteNavigation } from "@/db/queries/site";

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const navigation = await getSiteNavigation();
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-paper focus:p-2"
      >
        Skip to content
      </a>
      <SiteHeader {...navigation} />
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8 sm:px-6 sm:py-12">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}

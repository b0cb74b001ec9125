import { NotFoundNotice } from "@/components/layout/not-found-notice";
import { renderLocale } from "@/lib/i18n/render-locale";

// A page that calls notFound() (an unknown petition, pledge or story page): inside the site's
// frame, in the language its layout noted (a not-found page is given no params).
export default function SiteNotFound() {
  return <NotFoundNotice locale={renderLocale()} />;
}

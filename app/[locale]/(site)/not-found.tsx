import { NotFoundNotice } from "@/components/layout/not-found-notice";

// A page that calls notFound() (an unknown petition, pledge or story page): inside the site's frame.
export default function SiteNotFound() {
  return <NotFoundNotice />;
}

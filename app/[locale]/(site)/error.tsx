"use client";

import { ErrorNotice } from "@/components/layout/error-notice";

// A public page that failed to render: inside the site's frame, which still offers "Leave quickly"
// and the help services.
export default function SiteError({ reset }: { error: Error; reset: () => void }) {
  return <ErrorNotice onRetry={reset} />;
}

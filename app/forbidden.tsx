import Link from "next/link";
import { Document } from "@/components/layout/document";
import { Notice } from "@/components/layout/notice";

export default function Forbidden() {
  return (
    <Document lang="en">
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
        <Notice title="Not for your role">
          <p>This part of the staff console needs a role you do not have. An admin can change your role.</p>
          <Link href="/staff">Back to the dashboard</Link>
        </Notice>
      </main>
    </Document>
  );
}

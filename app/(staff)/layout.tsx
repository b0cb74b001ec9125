import { Document } from "@/components/layout/document";

export default function StaffLayout({ children }: { children: React.ReactNode }) {
  return (
    <Document lang="en">
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </Document>
  );
}

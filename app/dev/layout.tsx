import { Document } from "@/components/layout/document";

export default function DevLayout({ children }: { children: React.ReactNode }) {
  return <Document lang="en">{children}</Document>;
}

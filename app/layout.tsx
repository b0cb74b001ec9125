import type { Metadata, Viewport } from "next";
import { siteUrl } from "@/lib/http/site-url";
import "./globals.css";

export function generateMetadata(): Metadata {
  return {
    metadataBase: siteUrl(),
    title: { default: "Upstand", template: "%s · Upstand" },
    description: "Campaigns that explain a cause, and petitions and pledges people can trust.",
    openGraph: { siteName: "Upstand", type: "website", locale: "en_US" },
    twitter: { card: "summary_large_image" },
    // The SVG icon comes from app/icon.svg; public/ holds what browsers and phones ask for by name.
    manifest: "/manifest.webmanifest",
    icons: { apple: "/apple-touch-icon.png" },
  };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#14181e" },
  ],
};

// Passes its children through: each part of the site opens its own <html> in its own language
// (components/layout/document.tsx). Kept for the metadata every page shares, the styles, and the
// root not-found and forbidden pages, which need a layout above them.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}

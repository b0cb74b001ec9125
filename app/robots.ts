import type { MetadataRoute } from "next";
import { siteUrl } from "@/lib/http/site-url";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/", "/staff", "/dev/", "/confirm/", "/withdraw/"] },
    sitemap: new URL("/sitemap.xml", siteUrl()).toString(),
  };
}

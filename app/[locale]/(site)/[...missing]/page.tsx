import { notFound } from "next/navigation";

// Any public address no page answers (/nope): the site's not-found page, inside the campaign's
// frame (./not-found.tsx beside the layout), with a 404 status.
export function generateStaticParams() {
  return [];
}

export default function MissingPage() {
  notFound();
}

import Link from "next/link";
import { Notice } from "./notice";

/** What an unknown address shows, inside the site's frame: calm words and the ways on. */
export function NotFoundNotice() {
  return (
    <Notice title="We can't find that page">
      <p>
        The address may be mistyped, or the page may have moved or closed. Everything else on this site is
        still here.
      </p>
      <ul className="flex flex-wrap gap-3">
        <li>
          <Link href="/" className="button-primary">
            Go to the home page
          </Link>
        </li>
        <li>
          <Link href="/story" className="button-secondary">
            Read the story
          </Link>
        </li>
        <li>
          <Link href="/help" className="button-secondary">
            Get help
          </Link>
        </li>
      </ul>
      <p className="text-sm text-muted">
        If you are worried about a child, or about yourself, the help and reporting services below can be
        reached now.
      </p>
    </Notice>
  );
}

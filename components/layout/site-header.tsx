import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-line">
      <div className="mx-auto flex max-w-5xl items-center justify-between px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-semibold tracking-tight no-underline">
          Upstand
        </Link>
        <a href="#help" className="text-sm font-medium text-accent underline">
          Get help now
        </a>
      </div>
    </header>
  );
}

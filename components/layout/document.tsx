/**
 * The page's <html> and <body>, in its language and writing direction. The root layout
 * (app/layout.tsx) passes its children through, so that each part of the site opens its own
 * document: public pages in the reader's language (app/[locale]/layout.tsx), the staff console
 * and the development mailbox in English.
 */
export function Document({
  lang,
  dir = "ltr",
  children,
}: {
  lang: string;
  dir?: "ltr" | "rtl";
  children: React.ReactNode;
}) {
  return (
    <html lang={lang} dir={dir}>
      <body className="flex min-h-dvh flex-col">{children}</body>
    </html>
  );
}

/** Text with blank-line-separated paragraphs, as staff write it; `lang` when it is not in the page's language. */
export function Paragraphs({ text, className, lang }: { text: string; className?: string; lang?: string }) {
  return (
    <div className={className} lang={lang}>
      {text
        .split(/\n\s*\n/)
        .filter((paragraph) => paragraph.trim())
        .map((paragraph, index) => (
          <p key={index} className="my-3 max-w-prose">
            {paragraph.trim()}
          </p>
        ))}
    </div>
  );
}

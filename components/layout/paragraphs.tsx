/** Text with blank-line-separated paragraphs, as staff write it. */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
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

import { parseStoryBody } from "@/lib/domain/story-blocks";

/** A story page's body; `lang` when it is shown in another language than the page's (untranslated). */
export function StoryBody({ body, lang }: { body: string; lang?: string }) {
  return (
    <div className="prose-story" lang={lang}>
      {parseStoryBody(body).map((block, index) => {
        if (block.kind === "heading") {
          return (
            <h2 key={index} className="mt-8 font-serif text-2xl font-semibold">
              {block.text}
            </h2>
          );
        }
        if (block.kind === "quote") {
          return (
            <figure key={index} className="my-6 max-w-prose border-s-4 border-accent ps-4">
              <blockquote className="font-serif text-xl italic leading-relaxed">
                &ldquo;{block.text}&rdquo;
              </blockquote>
              {block.attribution ? (
                <figcaption className="mt-2 text-sm text-muted">{block.attribution}</figcaption>
              ) : null}
            </figure>
          );
        }
        return <p key={index}>{block.text}</p>;
      })}
    </div>
  );
}

import { CONTENT_NOTE } from "@/lib/content/content-note";

export function ContentNote() {
  return (
    <aside
      aria-label="Content note"
      className="rounded-lg border-l-4 border-accent bg-accent/5 px-4 py-3 text-sm"
    >
      <strong className="font-semibold">Content note.</strong> {CONTENT_NOTE}
    </aside>
  );
}

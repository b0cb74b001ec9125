export interface ActionLayoutProps {
  /** What the reader is asked to act on: the title and the ask. */
  lead: React.ReactNode;
  /** The live count, at the head of the action column. */
  count: React.ReactNode;
  /** The form; none when closed. On wide screens it stays in view beside the story as the reader scrolls. */
  action: React.ReactNode;
  /** The rest of the story: why it matters, who else has acted. */
  more: React.ReactNode;
  /** The words of the phone's button that takes the reader to the form; none when it is closed. */
  jumpLabel: string | null;
}

/** The anchor of the action: the phone's button goes here. */
export const ACTION_ANCHOR = "act";

/**
 * A petition's or pledge's page: the story beside the count and a form that stays in view on wide
 * screens (position: sticky, no script; the count above it scrolls away, so the form fits). On a phone the form follows the lead, and a button to it
 * stays at the bottom of the screen while the reader is above or below the form. It is sticky
 * inside the part it closes, so it comes to rest there, out of the way, once the form is on screen.
 */
export function ActionLayout({ lead, count, action, more, jumpLabel }: ActionLayoutProps) {
  const jump = (extra: string) =>
    jumpLabel ? (
      <a
        href={`#${ACTION_ANCHOR}`}
        className={`jump-to-action button-primary sticky bottom-3 z-10 w-full justify-center shadow-lg lg:hidden ${extra}`}
        data-testid="jump-to-action"
      >
        {jumpLabel}
      </a>
    ) : null;
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem] lg:grid-rows-[auto_1fr] lg:gap-x-12 xl:grid-cols-[minmax(0,1fr)_26rem]">
      <div className="space-y-6 lg:col-start-1 lg:row-start-1">
        {lead}
        {jump("")}
      </div>
      <div
        id={ACTION_ANCHOR}
        className="flex scroll-mt-20 flex-col gap-4 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:scroll-mt-24"
      >
        <div className="rounded-2xl border border-line bg-panel p-5 shadow-sm sm:p-6">{count}</div>
        {action ? (
          <div
            className="action-panel rounded-2xl border border-line bg-panel p-5 shadow-sm sm:p-6 lg:p-5"
            data-testid="action-panel"
          >
            {action}
          </div>
        ) : null}
      </div>
      <div className="space-y-10 lg:col-start-1 lg:row-start-2">
        {more}
        {jump("")}
      </div>
    </div>
  );
}

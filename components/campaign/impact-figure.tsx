import {
  describeFigureSource,
  formatFigureValue,
  type FigureSource,
  type FigureValue,
} from "@/lib/domain/impact-figure";

export interface ImpactFigureProps extends FigureValue, FigureSource {
  counts: string;
  sourceUrl?: string | null;
}

/** A figure the cause reported about itself: always shown with what it counts and who said so. */
export function ImpactFigure(props: ImpactFigureProps) {
  return (
    <figure
      className="flex w-full flex-col rounded-xl border border-line bg-paper p-4"
      data-testid="impact-figure"
    >
      <p className="text-xs font-semibold uppercase tracking-wider text-muted">Reported figure</p>
      <p className="mt-1 font-serif text-3xl font-semibold tracking-tight tabular-nums">
        {formatFigureValue(props)}
      </p>
      <p className="mt-1">{props.counts}</p>
      <figcaption className="mt-auto pt-3 text-sm text-muted">
        {describeFigureSource(props)}
        {props.sourceUrl ? (
          <>
            {" "}
            <a href={props.sourceUrl} rel="noopener noreferrer" className="underline">
              Read the source
            </a>
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}

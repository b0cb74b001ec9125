import { ImpactFigure, type ImpactFigureProps } from "./impact-figure";

export function ImpactFigureGrid({ figures }: { figures: (ImpactFigureProps & { slug: string })[] }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {figures.map(({ slug, ...figure }) => (
        <li key={slug} className="flex">
          <ImpactFigure {...figure} />
        </li>
      ))}
    </ul>
  );
}

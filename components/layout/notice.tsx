import type { ReactNode } from "react";

/** A short page-level message: a heading and what to do next. */
export function Notice({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="max-w-prose space-y-4" data-testid="notice">
      <h1 className="font-serif text-3xl font-bold tracking-tight">{title}</h1>
      {children}
    </div>
  );
}

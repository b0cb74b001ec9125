"use client";

import { useState, type ReactNode } from "react";
import { Field, INPUT_CLASS } from "./field";

/**
 * A secret the server made and keeps only a fingerprint of (an API key, a webhook's signing
 * secret): shown this once, in a field that selects whole, with a button that copies it.
 */
export function ShownOnceSecret({
  id,
  testId,
  heading,
  children,
  label,
  noun,
  value,
}: {
  id: string;
  testId: string;
  heading: ReactNode;
  /** What it is for and what to do if it is lost, under "Copy it now". */
  children: ReactNode;
  label: string;
  /** What the copy button names: "key", "secret". */
  noun: string;
  value: string;
}) {
  const [isCopied, setIsCopied] = useState(false);
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="space-y-3 rounded-xl border-2 border-accent p-4"
      data-testid={testId}
    >
      <h2 id={`${id}-heading`} className="font-serif text-xl font-semibold">
        {heading}
      </h2>
      <p className="font-semibold">Copy it now: you will not see it again.</p>
      {children}
      <Field id={`${id}-value`} label={label} error={undefined}>
        {() => (
          <input
            id={`${id}-value`}
            type="text"
            readOnly
            value={value}
            onFocus={(event) => event.currentTarget.select()}
            className={`${INPUT_CLASS} font-mono text-sm`}
            spellCheck={false}
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="button-secondary"
          onClick={() =>
            navigator.clipboard?.writeText(value).then(
              () => setIsCopied(true),
              () => setIsCopied(false),
            )
          }
        >
          Copy the {noun}
        </button>
        <span aria-live="polite" className="text-sm">
          {isCopied ? "Copied." : ""}
        </span>
      </div>
    </section>
  );
}

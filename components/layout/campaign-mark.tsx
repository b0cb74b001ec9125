/**
 * The campaign's mark: a shield around a small figure, drawn, never a photograph. It takes the
 * accent colour of the light or dark scheme; decorative, as the name always stands beside it.
 */
export function CampaignMark({ className = "size-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={`shrink-0 ${className}`}>
      <path
        d="M12 1.5 20.5 4.6V11c0 5.3-3.6 9.3-8.5 11.5C7.1 20.3 3.5 16.3 3.5 11V4.6Z"
        className="fill-accent"
      />
      <circle cx="12" cy="9.6" r="2.3" className="fill-paper" />
      <path d="M7.9 16.6a4.1 4.1 0 0 1 8.2 0Z" className="fill-paper" />
    </svg>
  );
}

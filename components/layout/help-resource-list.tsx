import type { ShownHelpResource } from "@/lib/i18n/help-resources";

/** Help and reporting resources, each with its contacts as links, in the words the caller passes. */
export function HelpResourceList({
  resources,
  compact = false,
}: {
  resources: ShownHelpResource[];
  compact?: boolean;
}) {
  return (
    <ul className={compact ? "grid gap-3 text-sm sm:grid-cols-2" : "grid gap-4 sm:grid-cols-2"}>
      {resources.map((resource) => (
        <li
          key={resource.id}
          className={compact ? "" : "rounded-xl border border-line p-4"}
          data-testid="help-resource"
        >
          {resource.need ? (
            <span className={compact ? "block text-muted" : "block text-sm text-muted"}>{resource.need}</span>
          ) : null}
          <span className="font-semibold">{resource.name}</span>
          {resource.region ? <span className="text-muted"> ({resource.region})</span> : null}
          {resource.languages ? (
            <span className={compact ? "block text-muted" : "block text-sm text-muted"}>
              {resource.languages}
            </span>
          ) : null}
          <span className="block">
            {resource.contacts.map((contact, index) => (
              <span key={contact.href}>
                {index > 0 ? " · " : null}
                <a href={contact.href} className="text-accent underline">
                  {contact.label}
                </a>
              </span>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}

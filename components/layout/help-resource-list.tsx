import { HELP_RESOURCES } from "@/lib/content/help-resources";

/** Every help and reporting resource, each with its contacts as links. */
export function HelpResourceList({ compact = false }: { compact?: boolean }) {
  return (
    <ul className={compact ? "grid gap-3 text-sm sm:grid-cols-2" : "grid gap-4 sm:grid-cols-2"}>
      {HELP_RESOURCES.map((resource) => (
        <li
          key={resource.name}
          className={compact ? "" : "rounded-xl border border-line p-4"}
          data-testid="help-resource"
        >
          <span className={compact ? "block text-muted" : "block text-sm text-muted"}>{resource.need}</span>
          <span className="font-semibold">{resource.name}</span>
          {resource.region !== "United States" ? (
            <span className="text-muted"> ({resource.region})</span>
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

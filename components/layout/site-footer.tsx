import { HELP_RESOURCES } from "@/lib/help-resources";

export function SiteFooter() {
  return (
    <footer id="help" className="border-t border-line bg-black/[0.03] dark:bg-white/[0.03]">
      <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
        <h2 className="text-base font-semibold">Help and reporting</h2>
        <p className="mt-1 text-sm text-muted">
          If you are worried about a child, or about yourself, you can reach someone now.
        </p>
        <ul className="mt-4 grid gap-3 text-sm sm:grid-cols-2">
          {HELP_RESOURCES.map((resource) => (
            <li key={resource.name}>
              <span className="block text-muted">{resource.need}</span>
              <span className="font-medium">{resource.name}</span>
              {resource.region !== "United States" ? <span className="text-muted"> ({resource.region})</span> : null}
              {": "}
              {resource.contacts.map((contact, index) => (
                <span key={contact.href}>
                  {index > 0 ? ", " : null}
                  <a href={contact.href} className="text-accent underline">
                    {contact.label}
                  </a>
                </span>
              ))}
            </li>
          ))}
        </ul>
      </div>
    </footer>
  );
}

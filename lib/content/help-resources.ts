// Help and reporting resources shown on every page. Check each against the organisation's own
// site before a public launch: numbers and addresses change.

export interface HelpContact {
  label: string;
  href: string;
}

export interface HelpResource {
  need: string;
  name: string;
  region: string;
  contacts: HelpContact[];
}

const phone = (number: string): HelpContact => ({
  label: number,
  href: `tel:+1${number.replace(/\D/g, "").slice(1)}`,
});
const web = (host: string): HelpContact => ({ label: host, href: `https://${host}` });

export const HELP_RESOURCES: HelpResource[] = [
  {
    need: "A child is in immediate danger",
    name: "Emergency services",
    region: "United States",
    contacts: [{ label: "911", href: "tel:911" }],
  },
  {
    need: "Report child sexual abuse material or exploitation online",
    name: "NCMEC CyberTipline",
    region: "United States",
    contacts: [web("report.cybertip.org"), phone("1-800-843-5678")],
  },
  {
    need: "Get a nude or sexual image of a minor taken down",
    name: "NCMEC Take It Down",
    region: "United States",
    contacts: [web("takeitdown.ncmec.org")],
  },
  {
    need: "Worried about a child, or about your own thoughts or someone else's behavior",
    name: "Stop It Now helpline",
    region: "United States",
    contacts: [phone("1-888-773-8368"), web("stopitnow.org")],
  },
  {
    need: "A child is being abused now, or you need to talk",
    name: "Childhelp National Child Abuse Hotline",
    region: "United States",
    contacts: [phone("1-800-422-4453")],
  },
  {
    need: "Report abuse material from outside the United States",
    name: "INHOPE network of national hotlines",
    region: "International",
    contacts: [web("inhope.org")],
  },
  {
    need: "Report abuse material in the United Kingdom",
    name: "Internet Watch Foundation",
    region: "United Kingdom",
    contacts: [web("report.iwf.org.uk")],
  },
];

// Help and reporting resources shown on every page. Check each against the organisation's own
// site before a public launch: numbers and addresses change. What each is for, and its name as
// readers see it, are in messages/*.json under helpResources.<id>.

export interface HelpContact {
  label: string;
  href: string;
}

export interface HelpResource {
  id: "emergency" | "cyberTipline" | "takeItDown" | "stopItNow" | "childhelp" | "inhope" | "iwf";
  /** The organisation's own name, untranslated: what the error page, drawn without messages, shows. */
  name: string;
  /** Where it serves; unmarked (United States) unless another. */
  region: "us" | "international" | "uk";
  contacts: HelpContact[];
  /**
   * The languages it answers in (BCP 47), only where the source material (or the organisation's
   * own publications, checked) says so: a reader calling for Spanish must not be promised it on a
   * guess. None names its languages one by one yet.
   */
  languages?: string[];
  /** More than how many languages it answers in through interpreters, where it says so itself. */
  interpretedLanguages?: number;
}

const phone = (number: string): HelpContact => ({
  label: number,
  href: `tel:+1${number.replace(/\D/g, "").slice(1)}`,
});
const web = (host: string): HelpContact => ({ label: host, href: `https://${host}` });

export const HELP_RESOURCES: HelpResource[] = [
  { id: "emergency", name: "911", region: "us", contacts: [{ label: "911", href: "tel:911" }] },
  {
    id: "cyberTipline",
    name: "NCMEC CyberTipline",
    region: "us",
    contacts: [web("report.cybertip.org"), phone("1-800-843-5678")],
  },
  { id: "takeItDown", name: "NCMEC Take It Down", region: "us", contacts: [web("takeitdown.ncmec.org")] },
  {
    id: "stopItNow",
    name: "Stop It Now",
    region: "us",
    contacts: [phone("1-888-773-8368"), web("stopitnow.org")],
  },
  {
    id: "childhelp",
    name: "Childhelp National Child Abuse Hotline",
    region: "us",
    contacts: [phone("1-800-422-4453")],
    // "Through interpreters, can provide assistance in over 170 languages": Childhelp, Hotline
    // Impact Report FY2018 (and FY2017), published by Childhelp.
    interpretedLanguages: 170,
  },
  { id: "inhope", name: "INHOPE", region: "international", contacts: [web("inhope.org")] },
  { id: "iwf", name: "Internet Watch Foundation", region: "uk", contacts: [web("report.iwf.org.uk")] },
];

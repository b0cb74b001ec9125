import "server-only";

import { getTranslations } from "next-intl/server";
import { HELP_RESOURCES, type HelpContact } from "@/lib/content/help-resources";
import type { Locale } from "@/lib/domain/locale";

/** A help resource as a reader of one language sees it. */
export interface ShownHelpResource {
  id: string;
  need?: string;
  name: string;
  region?: string;
  languages?: string;
  contacts: HelpContact[];
}

/** Every help resource in the reader's language, with the languages it answers in where known. */
export async function helpResourcesIn(locale: Locale): Promise<ShownHelpResource[]> {
  const t = await getTranslations({ locale, namespace: "helpResources" });
  const languageName = new Intl.DisplayNames([locale], { type: "language" });
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  return HELP_RESOURCES.map((resource) => ({
    id: resource.id,
    need: t(`${resource.id}.need`),
    name: t(`${resource.id}.name`),
    region: resource.region === "us" ? undefined : t(`regions.${resource.region}`),
    languages: resource.languages
      ? t("answersIn", { languages: list.format(resource.languages.map((code) => languageName.of(code)!)) })
      : resource.interpretedLanguages
        ? t("answersThroughInterpreters", { count: resource.interpretedLanguages })
        : undefined,
    contacts: resource.contacts,
  }));
}

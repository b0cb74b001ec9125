import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { getIntegrityProof } from "@/db/queries/integrity-reads";
import { getIntegrityReport } from "@/db/queries/integrity-report";
import { localeOf } from "@/lib/domain/locale";
import { languageAlternates } from "@/lib/http/language-alternates";
import { proofQuerySchema } from "@/lib/validation/integrity";
import { CheckLeaf } from "./_components/check-leaf";
import { Commitment } from "./_components/commitment";
import { IntegrityTotals } from "./_components/integrity-totals";

type Props = PageProps<"/[locale]/petition/[slug]/integrity">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, locale: segment } = await params;
  const locale = localeOf(segment);
  const [report, t] = await Promise.all([
    getIntegrityReport(slug),
    getTranslations({ locale, namespace: "integrityPage" }),
  ]);
  if (!report) return {};
  return {
    title: t("metaTitle", { title: report.title }),
    description: t("metaDescription"),
    alternates: languageAlternates(locale, `/petition/${slug}/integrity`),
  };
}

export default async function IntegrityPage({ params, searchParams }: Props) {
  await connection();
  const { slug, locale: segment } = await params;
  const locale = localeOf(segment);
  const given = (await searchParams).leaf;
  const leaf = typeof given === "string" ? proofQuerySchema.safeParse({ leaf: given }) : null;
  const [kept, proof, t] = await Promise.all([
    getIntegrityReport(slug),
    leaf?.success ? getIntegrityProof(slug, leaf.data.leaf) : null,
    getTranslations({ locale, namespace: "integrityPage" }),
  ]);
  // A root published since the kept report was read: the totals beside it are read afresh (once
  // per root and process, so a crowd given a receipt's link still shares one read).
  const isStale = proof?.root && kept?.latestRoot?.root !== proof.root.root;
  const report = isStale ? await getIntegrityReport(slug, true) : kept;
  if (!report) notFound();
  return (
    <div className="max-w-prose space-y-6">
      <h1 className="font-serif text-3xl font-bold tracking-tight sm:text-4xl">
        {t("title", { title: report.title })}
      </h1>
      <p className="text-lg">{t("intro")}</p>
      <IntegrityTotals report={report} locale={locale} />
      <Commitment report={report} locale={locale} />
      <CheckLeaf
        slug={slug}
        locale={locale}
        given={typeof given === "string" ? given : null}
        isValid={leaf?.success ?? null}
        proof={proof}
      />
    </div>
  );
}

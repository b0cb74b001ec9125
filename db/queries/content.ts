import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { petitions, pledges } from "@/db/schema";
import { assertRole, type StaffCaller } from "@/lib/domain/roles";
import type { PetitionContent, PledgeContent } from "@/lib/domain/content";
import { listEditableCommitments, type EditableCommitment } from "./content-commitments";
import { listEditableFigures, type EditableFigure } from "./content-figures";
import { saveWithVersion, versionOf, type SaveOutcome } from "./content-save";
import { isOpenNow } from "./open-now";
import { forgetSupportTarget } from "./supporters";

export interface ContentSummary {
  slug: string;
  title: string;
  goal: number | null;
  /** Open right now: not closed by staff, and not past its closing time. */
  isOpenNow: boolean;
  closesAt: Date | null;
}

export interface ContentListing {
  petitions: ContentSummary[];
  pledges: ContentSummary[];
  figures: EditableFigure[];
}

/** What editors can change: every petition and pledge, and the featured campaign's figures. */
export async function listContent(caller: StaffCaller): Promise<ContentListing> {
  assertRole(caller, "editor");
  const summary = (table: typeof petitions | typeof pledges) =>
    getDb()
      .select({
        slug: table.slug,
        title: table.title,
        goal: table.goal,
        isOpenNow: isOpenNow(table),
        closesAt: table.closesAt,
      })
      .from(table)
      .orderBy(asc(table.createdAt), asc(table.slug));
  const [petitionRows, pledgeRows, figures] = await Promise.all([
    summary(petitions),
    summary(pledges),
    listEditableFigures(caller),
  ]);
  return { petitions: petitionRows, pledges: pledgeRows, figures };
}

export interface EditablePetition extends PetitionContent {
  slug: string;
  version: string;
  isOpenNow: boolean;
}

const petitionColumns = {
  slug: petitions.slug,
  title: petitions.title,
  target: petitions.target,
  ask: petitions.ask,
  background: petitions.background,
  goal: petitions.goal,
  isOpen: petitions.isOpen,
  closesAt: petitions.closesAt,
  reviewsComments: petitions.reviewsComments,
  version: versionOf(petitions.updatedAt),
};

export async function getEditablePetition(
  caller: StaffCaller,
  slug: string,
): Promise<EditablePetition | null> {
  assertRole(caller, "editor");
  const [row] = await getDb()
    .select({ ...petitionColumns, isOpenNow: isOpenNow(petitions) })
    .from(petitions)
    .where(eq(petitions.slug, slug));
  return row ?? null;
}

/** Saves a petition's texts, goal and open state, unless someone else saved it since `version`. */
export async function updatePetitionContent(
  caller: StaffCaller,
  slug: string,
  version: string,
  content: PetitionContent,
): Promise<SaveOutcome> {
  const outcome = await saveWithVersion(caller, {
    subjectType: "petition",
    action: "content.petition.update",
    version,
    content,
    lock: async (tx) => {
      const [row] = await tx
        .select({ id: petitions.id, ...petitionColumns })
        .from(petitions)
        .where(eq(petitions.slug, slug))
        .for("update");
      return row && { ...row, label: row.slug };
    },
    write: async (tx, id, changes) => {
      await tx.update(petitions).set(changes).where(eq(petitions.id, id));
      // Comments appear or go with pre-moderation: the live list of signers must follow (on commit).
      if ("reviewsComments" in changes)
        await tx.execute(sql`select pg_notify('upstand_totals', ${`petition:${id}`})`);
    },
  });
  // Signing re-reads whether it is open from the database anyway; this process's copy goes too.
  if (outcome.id) forgetSupportTarget(outcome.id);
  return outcome;
}

export interface EditablePledge extends PledgeContent {
  slug: string;
  version: string;
  isOpenNow: boolean;
  commitments: EditableCommitment[];
}

const pledgeColumns = {
  slug: pledges.slug,
  title: pledges.title,
  statement: pledges.statement,
  background: pledges.background,
  goal: pledges.goal,
  isOpen: pledges.isOpen,
  closesAt: pledges.closesAt,
  version: versionOf(pledges.updatedAt),
};

export async function getEditablePledge(caller: StaffCaller, slug: string): Promise<EditablePledge | null> {
  assertRole(caller, "editor");
  const [row] = await getDb()
    .select({ id: pledges.id, ...pledgeColumns, isOpenNow: isOpenNow(pledges) })
    .from(pledges)
    .where(eq(pledges.slug, slug));
  if (!row) return null;
  const { id, ...pledge } = row;
  return { ...pledge, commitments: await listEditableCommitments(caller, id) };
}

/** Saves a pledge's texts, goal and open state, unless someone else saved it since `version`. */
export async function updatePledgeContent(
  caller: StaffCaller,
  slug: string,
  version: string,
  content: PledgeContent,
): Promise<SaveOutcome> {
  const outcome = await saveWithVersion(caller, {
    subjectType: "pledge",
    action: "content.pledge.update",
    version,
    content,
    lock: async (tx) => {
      const [row] = await tx
        .select({ id: pledges.id, ...pledgeColumns })
        .from(pledges)
        .where(eq(pledges.slug, slug))
        .for("update");
      return row && { ...row, label: row.slug };
    },
    write: async (tx, id, changes) => {
      await tx.update(pledges).set(changes).where(eq(pledges.id, id));
    },
  });
  if (outcome.id) forgetSupportTarget(outcome.id);
  return outcome;
}

"use server";

import { revalidatePath } from "next/cache";
import {
  insertSignInLink,
  insertStaffMember,
  updateOwnPassword,
  updateStaffAccess,
} from "@/db/queries/staff";
import type { ActionResult } from "@/lib/action-result";
import { signOut } from "@/lib/auth/config";
import { hashPassword } from "@/lib/auth/password";
import { requireStaffCaller } from "@/lib/auth/staff";
import { formInput, formText } from "@/lib/signing/form-submission";
import { staffSignInMail } from "@/lib/mail/messages";
import { outboxFields } from "@/lib/domain/mail";
import { getFeaturedCampaignName } from "@/db/queries/featured-campaign";
import { kickOutbox } from "@/lib/jobs/outbox-worker";
import { siteUrl } from "@/lib/http/site-url";
import { attempt } from "@/lib/actions/staff-action";
import { fieldErrorsOf } from "@/lib/signing/supporting";
import { newToken } from "@/lib/signing/tokens";
import { inviteSchema, newPasswordSchema } from "@/lib/validation/staff";

const INVITE_LINK_DAYS = 7;

export async function setOwnPasswordAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return attempt("set your password", async () => {
    const caller = await requireStaffCaller("viewer");
    const parsed = newPasswordSchema.safeParse(formInput(newPasswordSchema, formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
    await updateOwnPassword(caller, await hashPassword(parsed.data.password));
    return { ok: true, data: undefined };
  });
}

/** Ends every session of the caller's, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const caller = await requireStaffCaller("viewer").catch(() => null);
  if (caller) await updateStaffAccess(caller, caller.id, "sign-out-everywhere");
  await signOut({ redirectTo: "/staff/sign-in" });
}

/** Admins add a member, who gets a one-time link by email to sign in for the first time. */
export async function inviteStaffAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return attempt("invite them", async () => {
    const caller = await requireStaffCaller("admin");
    const parsed = inviteSchema.safeParse(formInput(inviteSchema, formData));
    if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
    const member = await insertStaffMember(parsed.data.email, parsed.data.role, caller);
    if (!member) return { ok: false, fieldErrors: { email: ["This address is already a member"] } };
    const { token, hash } = newToken();
    const mail = staffSignInMail({
      url: new URL(`/staff/sign-in/link/${token}`, siteUrl()).toString(),
      minutes: INVITE_LINK_DAYS * 24 * 60,
      campaignName: await getFeaturedCampaignName(),
      siteUrl: siteUrl(),
      invited: true,
    });
    await insertSignInLink(
      parsed.data.email,
      hash,
      new Date(Date.now() + INVITE_LINK_DAYS * 86_400_000),
      outboxFields(mail),
    );
    kickOutbox();
    revalidatePath("/staff/team");
    return { ok: true, data: undefined };
  });
}

export async function changeStaffAccessAction(
  _previous: ActionResult | null,
  formData: FormData,
): Promise<ActionResult> {
  return attempt("change their access", async () => {
    const caller = await requireStaffCaller("admin");
    const change = formText(formData, "change");
    if (change !== "disable" && change !== "enable" && change !== "sign-out-everywhere")
      return { ok: false, formError: "Unknown change." };
    const memberId = formText(formData, "memberId");
    if (change === "disable" && memberId === caller.id)
      return { ok: false, formError: "You cannot disable yourself." };
    if (!(await updateStaffAccess(caller, memberId, change)))
      return { ok: false, formError: "There is no such member." };
    revalidatePath("/staff/team");
    return { ok: true, data: undefined };
  });
}

"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { changeStaffAccessAction } from "@/lib/actions/staff";

export function MemberActions({
  memberId,
  email,
  isDisabled,
}: {
  memberId: string;
  email: string;
  isDisabled: boolean;
}) {
  const { formRef, formAction, onSubmit, isPending, formError } = useActionForm({
    action: changeStaffAccessAction,
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="flex flex-wrap gap-2">
      <input type="hidden" name="memberId" value={memberId} />
      <button
        type="submit"
        name="change"
        value={isDisabled ? "enable" : "disable"}
        className="button-secondary"
        disabled={isPending}
        aria-label={`${isDisabled ? "Enable" : "Disable"} ${email}`}
      >
        {isDisabled ? "Enable" : "Disable"}
      </button>
      {isDisabled ? null : (
        <button
          type="submit"
          name="change"
          value="sign-out-everywhere"
          className="button-secondary"
          disabled={isPending}
          aria-label={`Sign ${email} out everywhere`}
        >
          Sign out everywhere
        </button>
      )}
      {formError ? <p className="w-full text-sm font-semibold text-error">{formError}</p> : null}
    </form>
  );
}

import type { Metadata } from "next";
import { listStaff } from "@/db/queries/staff";
import { requireStaff } from "@/lib/auth/staff";
import { InviteForm } from "./_components/invite-form";
import { MemberActions } from "./_components/member-actions";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const caller = await requireStaff("admin");
  const members = await listStaff(caller);
  return (
    <section aria-labelledby="team-heading" className="space-y-6">
      <h1 id="team-heading" className="font-serif text-3xl font-bold">
        Team
      </h1>
      <p className="max-w-prose">
        Viewers see the dashboards; editors also edit content and moderate; admins also export personal data
        and manage the team. Disabling someone, or signing them out everywhere, takes effect on their next
        click.
      </p>
      <table className="table-to-list w-full border-collapse text-left" data-testid="team">
        <caption className="sr-only">Members of staff</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-2">
              Email
            </th>
            <th scope="col" className="py-2">
              Role
            </th>
            <th scope="col" className="py-2">
              Status
            </th>
            <th scope="col" className="py-2">
              Access
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.id} className="border-b border-line align-top">
              <th scope="row" className="py-2 font-semibold break-all md:font-normal">
                {member.email}
              </th>
              <td data-label="Role" className="py-2">
                {member.role}
              </td>
              <td data-label="Status" className="py-2">
                {member.isDisabled ? "disabled" : member.hasPassword ? "active" : "active (link only)"}
              </td>
              <td className="py-2">
                {member.id === caller.id ? (
                  <span className="text-muted">you</span>
                ) : (
                  <MemberActions memberId={member.id} email={member.email} isDisabled={member.isDisabled} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <InviteForm />
    </section>
  );
}

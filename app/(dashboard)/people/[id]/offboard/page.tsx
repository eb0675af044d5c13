import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { OffboardingWizard } from "@/components/people/offboarding-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-guard";
import { getOffboardingPlan } from "@/lib/data/people/get-offboarding-plan";
import { formatDate } from "@/lib/domain/format";
import { AppError } from "@/lib/errors";

export const metadata = { title: "Offboard" };

/** The offboarding wizard (admins): the plan is read here; nothing changes until its last step. */
export default async function OffboardPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("person:offboard");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const plan = await getOffboardingPlan({ actor, personId: id }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const { person } = plan;
  const refusal =
    person.id === actor.id
      ? "You cannot offboard yourself: ask another admin to do it."
      : person.status === "offboarded"
        ? `${person.name} was already offboarded on ${formatDate(person.offboardedAt)}. Roles they still hold can be reassigned in the ownership matrix.`
        : null;

  return (
    <>
      <Link href={`/people/${person.id}`} className="mb-3 inline-flex items-center gap-1 text-sm text-slate-500 hover:text-ink">
        <ChevronLeft className="size-4" aria-hidden /> {person.name}
      </Link>
      <PageHeader
        eyebrow={["Offboarding", person.team].filter(Boolean).join(" · ")}
        title={`Offboard ${person.name}`}
        description={`${person.email} · reassign what they hold, rotate what they could know, revoke their calendar feed.`}
      />
      {refusal ? (
        <section className="card p-5 text-sm text-slate-700" role="status">
          <p>{refusal}</p>
          <div className="mt-3 flex gap-2">
            <Link href={`/people/${person.id}`} className="btn">
              Back to {person.name.split(" ")[0]}
            </Link>
            {person.status === "offboarded" && (
              <Link href="/ownership?gaps=offboarded" className="btn">
                Open the ownership matrix
              </Link>
            )}
          </div>
        </section>
      ) : (
        <OffboardingWizard plan={plan} />
      )}
    </>
  );
}

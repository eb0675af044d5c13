"use client";

import Link from "next/link";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ArrowLeft, ArrowRight, UserMinus } from "lucide-react";
import { OffboardingConfirmStep } from "@/components/people/offboarding-confirm-step";
import { OffboardingResult } from "@/components/people/offboarding-result";
import { OffboardingReviewStep } from "@/components/people/offboarding-review-step";
import { GAP, OffboardingRolesStep, roleKey } from "@/components/people/offboarding-roles-step";
import type { OffboardingPlan } from "@/lib/data/people/get-offboarding-plan";
import type { OffboardingResult as Result } from "@/lib/data/people/offboard-person";
import { apiSend, type ApiError } from "@/lib/http/api-client";
import { peopleKeys } from "@/lib/query-keys";

const STEPS = ["Reassign roles", "Review rotations", "Confirm"] as const;

/** The offboarding wizard: reassign each role, review what rotates and why, confirm; then the result. */
export function OffboardingWizard({ plan }: { plan: OffboardingPlan }) {
  const client = useQueryClient();
  const first = plan.person.name.split(" ")[0] ?? plan.person.name;
  const [step, setStep] = useState(0);
  const [choices, setChoices] = useState<Record<string, string>>(() => Object.fromEntries(plan.roles.map((r) => [roleKey(r), r.suggestion?.personId ?? ""])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  const submit = useMutation<Result, ApiError>({
    mutationFn: () =>
      apiSend<Result>("POST", `/api/v1/people/${plan.person.id}/offboarding`, {
        reassignments: plan.roles.map((r) => ({ secretId: r.secretId, role: r.role, personId: choices[roleKey(r)] === GAP ? null : choices[roleKey(r)]! })),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKeys.all }),
    onError: (p) => showProblem(p),
  });
  // Each step (and the result) moves focus to its heading, so keyboard and screen-reader users follow along.
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return void (moved.current = true);
    (submit.isSuccess ? document.getElementById("offboarding-step-heading") : heading.current)?.focus();
  }, [step, submit.isSuccess]);

  const values = plan.roles.map((r) => choices[roleKey(r)] ?? "");
  const gaps = values.filter((v) => v === GAP).length;

  function choose(key: string, value: string) {
    setChoices((c) => ({ ...c, [key]: value }));
    const { [key]: _fixed, ...rest } = errors;
    setErrors(rest);
    if (!Object.keys(rest).length) setProblem([]);
  }

  function next() {
    if (step === 0) {
      const unset = plan.roles.filter((r) => !choices[roleKey(r)]);
      if (unset.length) {
        setErrors(Object.fromEntries(unset.map((r) => [roleKey(r), "Choose who takes over, or leave it empty (a gap) on purpose"])));
        setProblem([`${unset.length} role${unset.length === 1 ? " has" : "s have"} no new holder yet.`]);
        document.querySelector<HTMLSelectElement>(`[data-role-row="${roleKey(unset[0]!)}"] select`)?.focus();
        return;
      }
    }
    setProblem([]);
    setStep((s) => s + 1);
  }

  function showProblem(p: ApiError) {
    const rowErrors: Record<string, string> = {};
    const general: string[] = [];
    for (const e of p.errors) {
      const index = /^body\.reassignments\.(\d+)/.exec(e.field)?.[1];
      const role = index === undefined ? undefined : plan.roles[Number(index)];
      if (role) rowErrors[roleKey(role)] = e.message;
      else general.push(e.message);
    }
    const rows = Object.keys(rowErrors).length;
    if (rows) general.push(`${rows} reassignment${rows === 1 ? " was" : "s were"} refused: fix the marked row${rows === 1 ? "" : "s"} in step 1. Nothing has changed.`);
    setErrors(rowErrors);
    setProblem(general.length ? general : [`${p.message}. Nothing has changed.`]);
  }

  if (submit.data) return <OffboardingResult result={submit.data} />;

  return (
    <div className="space-y-4">
      <nav aria-label="Offboarding steps">
        <ol className="flex flex-wrap gap-2 text-sm">
          {STEPS.map((name, i) => (
            <li key={name} aria-current={i === step ? "step" : undefined} className={`flex items-center gap-2 rounded-full border px-3 py-1 ${i === step ? "border-brand-500 bg-brand-50 font-medium text-brand-700" : i < step ? "border-slate-200 bg-white text-slate-600" : "border-slate-200 bg-white text-slate-400"}`}>
              <span className={`grid size-5 place-items-center rounded-full text-xs ${i <= step ? "bg-brand-600 text-white" : "bg-slate-200 text-slate-500"}`}>{i + 1}</span>
              {name}
            </li>
          ))}
        </ol>
      </nav>

      <section className="card overflow-x-auto" aria-labelledby="offboarding-step-title">
        <div className="border-b border-slate-100 px-5 py-3.5">
          <h2 id="offboarding-step-title" ref={heading} tabIndex={-1} className="text-sm font-semibold text-ink outline-none">
            Step {step + 1} of 3 · {stepTitle(step, first, plan)}
          </h2>
          <p className="mt-0.5 text-xs text-slate-500">{stepHint(step, first)}</p>
        </div>
        {problem.length > 0 && (
          <div role="alert" className="border-b border-red-200 bg-red-50 px-5 py-3 text-sm text-red-800" data-testid="offboarding-problem">
            {problem.map((p) => (
              <p key={p}>{p}</p>
            ))}
            {step > 0 && Object.keys(errors).length > 0 && (
              <button type="button" className="btn mt-2" onClick={() => (setProblem([]), setStep(0))}>
                <ArrowLeft className="size-4" aria-hidden /> Back to step 1
              </button>
            )}
          </div>
        )}
        {step === 0 && <OffboardingRolesStep plan={plan} choices={choices} errors={errors} onChoose={choose} />}
        {step === 1 && <OffboardingReviewStep plan={plan} />}
        {step === 2 && <OffboardingConfirmStep plan={plan} reassigning={values.length - gaps} gaps={gaps} />}
        <div className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3.5">
          {step === 0 ? (
            <Link href={`/people/${plan.person.id}`} className="btn">
              Cancel
            </Link>
          ) : (
            <button type="button" className="btn" onClick={() => (setProblem([]), setStep((s) => s - 1))} disabled={submit.isPending}>
              <ArrowLeft className="size-4" aria-hidden /> Back
            </button>
          )}
          {step < 2 ? (
            <button type="button" className="btn-primary" onClick={next}>
              Next: {STEPS[step + 1]} <ArrowRight className="size-4" aria-hidden />
            </button>
          ) : (
            <button type="button" className="inline-flex items-center gap-1.5 rounded-lg bg-red-600 px-3 py-1.5 text-sm font-medium text-white shadow-sm transition hover:bg-red-700 disabled:opacity-50" onClick={() => submit.mutate()} disabled={submit.isPending}>
              <UserMinus className="size-4" aria-hidden /> {submit.isPending ? "Offboarding…" : `Offboard ${plan.person.name}`}
            </button>
          )}
        </div>
      </section>
    </div>
  );
}

function stepTitle(step: number, first: string, plan: OffboardingPlan) {
  if (step === 0) return `Who takes over ${first}'s ${plan.roles.length} role${plan.roles.length === 1 ? "" : "s"}`;
  if (step === 1) return `${plan.rotations.length} secret${plan.rotations.length === 1 ? "" : "s"} to rotate now`;
  return "Confirm the offboarding";
}

function stepHint(step: number, first: string) {
  if (step === 0) return "Suggestions are preselected. Only active people who can work rotation tasks are listed; leaving a role empty is allowed, but only on purpose.";
  if (step === 1) return `Everything ${first} held a role on, or read or changed in the last 90 days, rotates now: they may still know the value.`;
  return "Nothing has changed yet.";
}

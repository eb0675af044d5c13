// Every area of the product, in the order of the sidebar. The shell, the page guards and the
// authorization e2e test all read this list, so a new area is gated the moment it is added.
import type { Permission } from "@/lib/auth/permissions";
import type { AppRole } from "@/lib/domain/roles";

export type Area = {
  href: string;
  label: string;
  permission: Permission;
  icon: "gauge" | "list" | "grid" | "users" | "plug" | "scroll" | "calendar" | "radar" | "book" | "file";
  /** Areas not built yet say what they will do. */
  planned?: { summary: string; points: string[] };
};

export const AREAS: Area[] = [
  { href: "/overview", label: "Overview", permission: "metrics:read", icon: "gauge" },
  { href: "/inventory", label: "Inventory", permission: "secret:read", icon: "list" },
  { href: "/ownership", label: "Ownership", permission: "ownership:read", icon: "grid" },
  { href: "/people", label: "People", permission: "person:read", icon: "users" },
  { href: "/sources", label: "Sources", permission: "source:read", icon: "plug" },
  { href: "/access-log", label: "Access log", permission: "access-log:read", icon: "scroll" },
  { href: "/rotation", label: "Rotation", permission: "rotation:read", icon: "calendar" },
  {
    href: "/blast-radius",
    label: "Blast radius",
    permission: "blast-radius:read",
    icon: "radar",
    planned: {
      summary: "What breaks if a secret leaks: an explainable impact × exposure score with every factor shown.",
      points: ["Tier, environment, privilege, consumers, reuse across environments", "Unsanctioned copies, open findings, overdue rotation, missing owners, unknown fields", "The top-20 list founders review monthly"],
    },
  },
  {
    href: "/runbooks",
    label: "Runbooks & drills",
    permission: "runbook:read",
    icon: "book",
    planned: {
      summary: "How fast each secret can be killed: versioned revoke runbooks and timed revocation drills.",
      points: ["Trigger, revoke steps, rollback, validation checks, who to notify", "Drills measure time-to-detect, -revoke and -recover against the 30-minute target"],
    },
  },
  {
    href: "/evidence",
    label: "Evidence",
    permission: "evidence:read",
    icon: "file",
    planned: {
      summary: "SOC 2 and security-questionnaire packets (PDF) built from live data, immutable and re-downloadable.",
      points: ["Each packet keeps the JSON snapshot it was built from and its SHA-256", "Questionnaire packets are customer-safe: counts and policies, no internal names"],
    },
  },
];

export function areaFor(href: string): Area {
  const area = AREAS.find((a) => a.href === href);
  if (!area) throw new Error(`no area ${href}`);
  return area;
}

/**
 * Where each role lands after sign-in and at "/": where it works. The founder and the admin on the
 * overview (what needs attention, company-wide), an owner on their tasks, sales on the evidence they
 * hand out, an auditor on who touched what. Each names the permission its page asks for. The sign-in
 * lands on "/" (app/page.tsx), which sends each role here.
 */
export const LANDINGS: Record<AppRole, { href: string; permission: Permission }> = {
  founder: { href: "/overview", permission: "metrics:read" },
  admin: { href: "/overview", permission: "metrics:read" },
  owner: { href: "/rotation/mine", permission: "rotation:work" },
  sales: { href: "/evidence", permission: "evidence:read" },
  auditor: { href: "/access-log", permission: "access-log:read" },
};

/** The role's landing page (lib/navigation.test.ts: each role may open its own). */
export function landingFor(role: AppRole): string {
  return LANDINGS[role].href;
}

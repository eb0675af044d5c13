// The personas the demo sign-in page offers, one per app role (docs/architecture.md, "Who uses it").
export const DEMO_PERSONAS = [
  { email: "maya@lumenpay.example", cameFor: "Monthly security metrics, top blast-radius list, questionnaire readiness" },
  { email: "sam@lumenpay.example", cameFor: "Sources, policies, people and roles, offboarding, drills" },
  { email: "priya@lumenpay.example", cameFor: "Her secrets: rotation tasks, runbooks, who else holds a role" },
  { email: "leo@lumenpay.example", cameFor: "Customer-safe questionnaire packets: counts and policies only" },
  { email: "erin@lumenpay.example", cameFor: "Read-only view of everything and the SOC 2 packet" },
] as const;

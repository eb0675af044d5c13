// TanStack Query keys for the rotation area, from one factory: a task change invalidates
// `rotationKeys.tasks` (every list, range and "mine"), `task(id)` and the summary; a policy change
// invalidates everything under `rotationKeys.all`.
export type Params = Record<string, string>;

export const rotationKeys = {
  all: ["rotation"] as const,
  tasks: ["rotation", "tasks"] as const,
  range: (params: Params) => ["rotation", "tasks", "range", params] as const,
  group: (group: string, params: Params) => ["rotation", "tasks", "group", group, params] as const,
  mine: ["rotation", "tasks", "mine"] as const,
  task: (id: string) => ["rotation", "task", id] as const,
  summary: ["rotation", "summary"] as const,
  capacity: (params: Params) => ["rotation", "capacity", params] as const,
  policies: ["rotation", "policies"] as const,
};

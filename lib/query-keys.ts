// TanStack Query keys, from one factory so a mutation can invalidate exactly what it changed.
export type ListParams = Record<string, string>;

export const secretKeys = {
  all: ["secrets"] as const,
  list: (params: ListParams) => ["secrets", "list", params] as const,
  summary: (params: ListParams) => ["secrets", "summary", params] as const,
};

export const peopleKeys = {
  all: ["people"] as const,
};

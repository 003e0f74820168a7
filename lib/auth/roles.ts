export const ROLES = ["admin", "reviewer", "annotator"] as const;
export type TRole = (typeof ROLES)[number];

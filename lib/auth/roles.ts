export const ROLES = ["admin", "reviewer", "annotator"] as const;
export type TRole = (typeof ROLES)[number];

export const canCreateArticles = (role: string) => role === "admin" || role === "reviewer";
export const isAdmin = (role: string) => role === "admin";

/** One line on what an alpha value means (Krippendorff's usual thresholds). */
export function alphaMeaning(alpha: number | null, annotators: number): string {
  if (alpha === null) {
    return annotators < 2 ? "Needs at least two annotators." : "Not computable: nobody tagged any word differently from anyone else.";
  }
  if (alpha >= 0.8) return "Reliable agreement (α ≥ 0.8).";
  if (alpha >= 0.667) return "Tentative agreement (0.667 ≤ α < 0.8): draw conclusions with care.";
  if (alpha > 0) return "Low agreement (α < 0.667): the team reads these passages differently.";
  return "No agreement beyond chance (α ≤ 0).";
}

export type TCodedValue = string | number | null;

// Krippendorff's alpha for nominal data, computed through the coincidence matrix without materialising it
// (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
//
//   alpha = 1 − (n − 1) · Σ_u (m_u² − Σ_c n_uc²) / (m_u − 1)  /  (n² − Σ_c n_c²)
//
// where m_u is the number of values in unit u, n_uc how many of them are c, n_c = Σ_u n_uc and n = Σ_c n_c,
// all over pairable units only (m_u >= 2).
//
// `data` rows are observers, columns are units; null (or a short row) is a missing value. Values compare
// with SameValueZero, so the number 1 and the string "1" are different categories.
//
// Returns null when alpha is not computable:
// - fewer than two observers;
// - no unit with two or more values (nothing to pair);
// - expected disagreement 0, i.e. every pairable value is the same category. Alpha is 0/0 then, and
//   Krippendorff leaves it undefined: with no variation the data cannot show whether observers can tell
//   categories apart. We return null ("not computable") rather than a flattering 1.
export function krippendorffAlphaNominal(data: readonly (readonly TCodedValue[])[]): number | null {
  if (data.length < 2) return null;
  const unitCount = Math.max(0, ...data.map((row) => row.length));

  const totals = new Map<TCodedValue, number>();
  let n = 0;
  let observedSum = 0;
  for (let u = 0; u < unitCount; u++) {
    const inUnit = new Map<TCodedValue, number>();
    let m = 0;
    for (const row of data) {
      const value = row[u];
      if (value === null || value === undefined) continue;
      inUnit.set(value, (inUnit.get(value) ?? 0) + 1);
      m++;
    }
    if (m < 2) continue;

    let sameSquares = 0;
    for (const count of inUnit.values()) sameSquares += count * count;
    observedSum += (m * m - sameSquares) / (m - 1);
    n += m;
    for (const [value, count] of inUnit) totals.set(value, (totals.get(value) ?? 0) + count);
  }
  if (n === 0) return null;

  let totalSquares = 0;
  for (const count of totals.values()) totalSquares += count * count;
  const expectedSum = n * n - totalSquares;
  if (expectedSum === 0) return null;

  return 1 - ((n - 1) * observedSum) / expectedSum;
}

import { krippendorffAlphaNominal } from "./krippendorff";
import { spanF1 } from "./span-f1";
import { tokenValues, type IAnnotatedRange } from "./token-values";
import { wordTokens } from "./tokens";

export interface IAgreementInput extends IAnnotatedRange {
  id: string;
}

export interface IPairwiseF1 {
  a: string;
  b: string;
  f1: number;
}

export interface IArticleAgreement {
  /** Krippendorff's nominal alpha over tokens × annotators; null when not computable. */
  alpha: number | null;
  annotators: number;
  /** Word tokens in the body. */
  units: number;
  /** One entry per pair of annotators, a < b, sorted by (a, b). */
  pairwise: IPairwiseF1[];
}

// metrics.md "Agreement (one article)". `annotations` are the article's existing (non-deleted) annotations
// of every status: agreement is about what annotators marked, independent of what reviewers later decided.
export function articleAgreement(body: string, annotations: readonly IAgreementInput[]): IArticleAgreement {
  const tokens = wordTokens(body);
  const { annotators, values } = tokenValues(tokens, annotations);
  // krippendorffAlphaNominal also returns null below two observers; said here because metrics.md says it.
  const alpha = annotators.length < 2 ? null : krippendorffAlphaNominal(values);

  const byAuthor = new Map<string, IAgreementInput[]>(annotators.map((id) => [id, []]));
  for (const annotation of annotations) byAuthor.get(annotation.authorId)?.push(annotation);

  const pairwise: IPairwiseF1[] = [];
  for (let i = 0; i < annotators.length; i++) {
    for (let j = i + 1; j < annotators.length; j++) {
      const a = annotators[i]!;
      const b = annotators[j]!;
      pairwise.push({ a, b, f1: spanF1(byAuthor.get(a) ?? [], byAuthor.get(b) ?? []) });
    }
  }

  return { alpha, annotators: annotators.length, units: tokens.length, pairwise };
}

/** Suggestions share the highlight segmentation with annotations under ids no annotation can have. */
export const suggestionId = (s: { start: number; end: number; tag: string }) => `sug:${s.start}:${s.end}:${s.tag}`;

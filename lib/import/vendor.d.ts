// html-to-text 10 ships no type declarations (and @types/html-to-text describes v9): only what lib/import uses.
declare module "html-to-text" {
  export type SelectorDefinition = {
    selector: string;
    format?: string;
    options?: Record<string, unknown>;
  };

  export type HtmlToTextOptions = {
    wordwrap?: number | false | null;
    preserveNewlines?: boolean;
    decodeEntities?: boolean;
    baseElements?: { selectors?: string[]; orderBy?: "selectors" | "occurrence"; returnDomByDefault?: boolean };
    limits?: { maxBaseElements?: number; maxChildNodes?: number; maxDepth?: number; maxInputLength?: number };
    selectors?: SelectorDefinition[];
  };

  export function convert(html: string, options?: HtmlToTextOptions): string;
}

import { ImportAnnotations } from "./import-annotations";
import type { TLimits, TStory } from "./metadata-fields";
import { PasteArticle } from "./paste-article";
import { UploadArticles } from "./upload-articles";

/** The import page's three forms: paste one article, upload article files, import annotations. */
export function ImportForms({ stories, limits }: { stories: TStory[]; limits: TLimits }) {
  return (
    <div className="import-layout">
      <PasteArticle stories={stories} limits={limits} />
      <div className="import-side">
        <UploadArticles stories={stories} limits={limits} />
        <ImportAnnotations />
      </div>
    </div>
  );
}

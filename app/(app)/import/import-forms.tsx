import { ImportAnnotations } from "./import-annotations";
import type { TLimits, TStory } from "./metadata-fields";
import { PasteArticle } from "./paste-article";
import { UploadArticles } from "./upload-articles";
import { WebPageArticle } from "./web-page-article";

/** The import page's forms: one article from a web page or pasted, article files, annotations. */
export function ImportForms({ stories, limits }: { stories: TStory[]; limits: TLimits }) {
  return (
    <div className="import-layout">
      <div className="import-side">
        <WebPageArticle stories={stories} limits={limits} />
        <PasteArticle stories={stories} limits={limits} />
      </div>
      <div className="import-side">
        <UploadArticles stories={stories} limits={limits} />
        <ImportAnnotations />
      </div>
    </div>
  );
}

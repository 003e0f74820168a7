export type TStory = { id: string; title: string };
export type TLimits = { maxBytes: string; maxHtmlBytes: string; maxCodePoints: string; maxArticles: string };

/** What a form starts with: the fields read from a web page, for the user to correct. */
export type TInitialMetadata = { outlet?: string | null; author?: string | null; publishedAt?: string | null; url?: string | null };

function StoryPicker({ stories, name }: { stories: TStory[]; name: string }) {
  return (
    <label className="field">
      Story
      <select name={name} defaultValue="">
        <option value="">No story</option>
        {stories.map((story) => (
          <option key={story.id} value={story.id}>
            {story.title}
          </option>
        ))}
      </select>
    </label>
  );
}

/** An article's optional fields, shared by the paste and the upload form. */
export function MetadataFields({ stories, prefix, initial = {} }: { stories: TStory[]; prefix: string; initial?: TInitialMetadata }) {
  return (
    <div className="import-grid">
      <label className="field">
        Outlet
        <input name="outlet" autoComplete="off" maxLength={200} id={`${prefix}-outlet`} defaultValue={initial.outlet ?? undefined} />
      </label>
      <label className="field">
        Author
        <input name="author" autoComplete="off" maxLength={200} id={`${prefix}-author`} defaultValue={initial.author ?? undefined} />
      </label>
      <label className="field">
        Published
        <input name="publishedAt" placeholder="2025-04-10 or 2025-04" autoComplete="off" id={`${prefix}-published`} defaultValue={initial.publishedAt ?? undefined} />
      </label>
      <StoryPicker stories={stories} name="storyId" />
      <label className="field wide">
        Original URL
        <input name="url" type="url" placeholder="https://" autoComplete="off" id={`${prefix}-url`} defaultValue={initial.url ?? undefined} />
      </label>
    </div>
  );
}

export type TStory = { id: string; title: string };
export type TLimits = { maxBytes: string; maxHtmlBytes: string; maxCodePoints: string; maxArticles: string };

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
export function MetadataFields({ stories, prefix }: { stories: TStory[]; prefix: string }) {
  return (
    <div className="import-grid">
      <label className="field">
        Outlet
        <input name="outlet" autoComplete="off" maxLength={200} id={`${prefix}-outlet`} />
      </label>
      <label className="field">
        Author
        <input name="author" autoComplete="off" maxLength={200} id={`${prefix}-author`} />
      </label>
      <label className="field">
        Published
        <input name="publishedAt" placeholder="2025-04-10 or 2025-04" autoComplete="off" id={`${prefix}-published`} />
      </label>
      <StoryPicker stories={stories} name="storyId" />
      <label className="field wide">
        Original URL
        <input name="url" type="url" placeholder="https://" autoComplete="off" id={`${prefix}-url`} />
      </label>
    </div>
  );
}

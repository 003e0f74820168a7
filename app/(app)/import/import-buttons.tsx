import { SubmitButton } from "@/components/submit-button";

/** An upload form's two submits: import, or check the file without importing (the "dry" value). */
export function ImportButtons({ busy, label }: { busy: boolean; label: string }) {
  return (
    <div className="row">
      <SubmitButton className="button primary" value="import" pending={busy}>
        {busy ? "Importing…" : label}
      </SubmitButton>
      <SubmitButton className="button" value="dry" pending={busy}>
        Check without importing
      </SubmitButton>
    </div>
  );
}

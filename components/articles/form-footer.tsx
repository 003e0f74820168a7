/** The end of an article editor's form: its error, if any, then submit and Cancel, both idle while it saves. */
export function FormFooter({ error, busy, submit, busyText, onCancel }: { error: string | null; busy: boolean; submit: string; busyText: string; onCancel: () => void }) {
  return (
    <>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? busyText : submit}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </>
  );
}

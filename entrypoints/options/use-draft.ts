import { useState } from 'react';

/**
 * A section's edit of its saved part, as a form. The edit is kept while the saved part stays the same by value
 * (another section saved, or the page re-read the same settings) and dropped when it changes (saved here or on
 * another page): the form then shows what is saved, without an effect to reset it.
 */
export function useDraft<S, F>(saved: S, formOf: (saved: S) => F): { draft: F; change: (next: F) => void; dirty: boolean } {
  const savedKey = JSON.stringify(saved);
  const [edit, setEdit] = useState<{ of: string; draft: F } | null>(null);
  const kept = edit !== null && edit.of === savedKey ? edit.draft : null;
  const draft = kept ?? formOf(saved);
  return {
    draft,
    change: (next) => setEdit({ of: savedKey, draft: next }),
    dirty: kept !== null && JSON.stringify(kept) !== JSON.stringify(formOf(saved)),
  };
}

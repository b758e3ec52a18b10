import { useState } from 'react';

export interface Draft<F> {
  draft: F;
  change: (next: F) => void;
  /** The form differs from what is saved. */
  dirty: boolean;
}

/**
 * A section's edit of its saved part, as a form (the part itself when no `formOf` is given). The edit is kept while
 * the saved part stays the same by value (another section saved, or the page re-read the same settings) and
 * dropped when it changes (saved here or on another page): the form then shows what is saved, without an effect
 * to reset it.
 */
export function useDraft<S>(saved: S): Draft<S>;
export function useDraft<S, F>(saved: S, formOf: (saved: S) => F): Draft<F>;
export function useDraft<S, F>(saved: S, formOf?: (saved: S) => F): Draft<F | S> {
  const savedKey = JSON.stringify(saved);
  const [edit, setEdit] = useState<{ of: string; draft: F | S } | null>(null);
  const kept = edit !== null && edit.of === savedKey ? edit.draft : null;
  const savedForm = formOf === undefined ? saved : formOf(saved);
  return {
    draft: kept ?? savedForm,
    change: (next) => setEdit({ of: savedKey, draft: next }),
    dirty: kept !== null && JSON.stringify(kept) !== JSON.stringify(savedForm),
  };
}

import { useCallback, useEffect, useState } from 'react';
import { isBlankDraft, parseDraft, serializeDraft, type SubmissionDraft } from '../submission-form.js';

export interface DraftState {
  draft: SubmissionDraft;
  /** Apply a change to the draft (saved on this device at once). */
  update: (change: (draft: SubmissionDraft) => SubmissionDraft) => void;
  /** Forget the draft here and on the device (after sending, or when the citizen asks). */
  clear: () => void;
  /** When the draft shown was saved, if it was restored from an earlier visit (ISO instant). */
  restoredFrom: string | null;
}

function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage disabled (private mode, policy): the form still works, without a draft
  }
}

function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // full or disabled: nothing to do, the typing stays on the screen
  }
}

/**
 * The submission form's draft, kept in localStorage under `storageKey` so that a reload or a trip to the
 * eID login does not lose what was typed. `blank` is the form before any typing (initialDraft with what is
 * known: the contact details, the vault's offers), `offers` the vault documents still offered per paper.
 * Mount with `key={storageKey}` so a new key starts afresh; keep `blank` stable (useMemo).
 */
export function useSubmissionDraft(storageKey: string, blank: SubmissionDraft, offers: Readonly<Record<string, readonly string[]>> = {}): DraftState {
  const [initial] = useState(() => parseDraft(readStorage(storageKey), blank, offers));
  const [draft, setDraft] = useState<SubmissionDraft>(() => initial?.draft ?? blank);
  const [restoredFrom, setRestoredFrom] = useState<string | null>(() => (initial && !isBlankDraft(initial.draft, blank) ? initial.savedAt : null));

  // A blank form removes the stored draft, so clearing needs nothing more than a blank form.
  useEffect(() => {
    writeStorage(storageKey, isBlankDraft(draft, blank) ? null : serializeDraft(draft));
  }, [storageKey, draft, blank]);

  const update = useCallback((change: (d: SubmissionDraft) => SubmissionDraft) => setDraft(change), []);

  const clear = useCallback(() => {
    writeStorage(storageKey, null);
    setRestoredFrom(null);
    setDraft(blank);
  }, [storageKey, blank]);

  return { draft, update, clear, restoredFrom };
}

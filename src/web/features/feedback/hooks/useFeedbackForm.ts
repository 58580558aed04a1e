import { useCallback, useState } from 'react';
import { problemsFromDetails, toApiError, type ApiError } from '../../../shared/api.js';
import type { FeedbackAttachmentInput } from '../api/feedback-api.js';
import { attachmentInput, type ChosenFile } from '../feedback-files.js';
import { errorList, serverFieldErrors, type FeedbackValues, type FieldErrors } from '../feedback-form.js';

const NO_PROBLEMS = { fields: {} as FieldErrors, other: [] as string[] };

function without(fields: FieldErrors, keys: readonly string[]): FieldErrors {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !keys.includes(key)));
}

/**
 * The state of a feedback form (the portal's and the official's entry): its values and files, the problems found
 * before sending (shown once a send was tried) and those the server found (each until its field changes), the
 * attempts that move focus to the error summary, and the sending itself with the files read as base64.
 */
export function useFeedbackForm<V extends FeedbackValues>(initial: V | (() => V), validate: (values: V) => FieldErrors) {
  const [values, setValues] = useState<V>(initial);
  const [files, setChosen] = useState<ChosenFile[]>([]);
  const [checked, setChecked] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [server, setServer] = useState(NO_PROBLEMS);
  const [pending, setPending] = useState(false);
  const errors: FieldErrors = { ...(checked ? validate(values) : {}), ...server.fields };

  const change = useCallback((patch: Partial<V>) => {
    setValues((v) => ({ ...v, ...patch }));
    setServer((s) => ({ fields: without(s.fields, Object.keys(patch)), other: s.other }));
  }, []);
  const setFiles = useCallback((next: ChosenFile[]) => {
    setChosen(next);
    setServer((s) => ({ fields: without(s.fields, ['attachments']), other: s.other }));
  }, []);

  /**
   * Check, then send with `request`; null when refused (the problems are shown). `special` turns a refusal into
   * field problems of its own (a wrong challenge answer), or null for the usual reading of the server's details.
   */
  async function submit<T>(request: (attachments: FeedbackAttachmentInput[]) => Promise<T>, special?: (e: ApiError) => FieldErrors | null): Promise<T | null> {
    setChecked(true);
    if (Object.keys(validate(values)).length > 0) {
      setServer(NO_PROBLEMS);
      setAttempt((n) => n + 1);
      return null;
    }
    setPending(true);
    try {
      return await request(await Promise.all(files.map(attachmentInput)));
    } catch (error) {
      const e = toApiError(error);
      const own = special?.(e) ?? null;
      const mapped = serverFieldErrors(problemsFromDetails(e.details));
      setServer(own ? { fields: own, other: [] } : { fields: mapped.fields, other: [e.message, ...mapped.other] });
      setAttempt((n) => n + 1);
      return null;
    } finally {
      setPending(false);
    }
  }

  return { values, change, files, setFiles, errors, summary: errorList(errors), other: server.other, attempt, pending, submit };
}

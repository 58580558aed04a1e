import { useCallback, useState } from 'react';
import { taskErrors, type TaskErrors, type TaskValues } from '../reform-view.js';

export interface TaskForm {
  values: TaskValues;
  errors: TaskErrors;
  change: (patch: Partial<TaskValues>) => void;
  reset: (values: TaskValues) => void;
  /** The fields as the server takes them, or null with the problems shown beside them. */
  checked: () => (Omit<TaskValues, 'unitCode'> & { unitCode: string }) | null;
}

/** A task's fields while they are edited (adding a task, correcting one), checked before they are sent. */
export function useTaskForm(initial: TaskValues): TaskForm {
  const [values, setValues] = useState<TaskValues>(initial);
  const [errors, setErrors] = useState<TaskErrors>({});
  const change = useCallback((patch: Partial<TaskValues>) => setValues((v) => ({ ...v, ...patch })), []);
  const checked = () => {
    const found = taskErrors(values);
    setErrors(found);
    return Object.keys(found).length > 0 || values.unitCode === null ? null : { ...values, unitCode: values.unitCode };
  };
  return { values, errors, change, reset: setValues, checked };
}

import { useCallback, useRef, useState } from 'react';
import { DEFAULT_OFFICE_HOURS, workingMinutesPerDay, type DurationUnit, type OfficeHours } from '../../../../domain/calendar/working-time.js';
import { toApiError } from '../../../shared/api.js';
import { loadOfficeHours, loadYear } from '../api/calendar-cache.js';
import type { OfficeHoursInput } from '../api/office-hours-api.js';
import { calculateDue, DueOutOfRangeError, type DueCalculation } from '../due-calculation.js';
import { fromDomainOfficeHoursText, toDomainOfficeHours } from '../office-hours.js';

export interface DueRequest {
  startLocal: number;
  amount: number;
  unit: DurationUnit;
  /** The agency settling the dossier: its office hours and its province's schedule; null for the general rules. */
  unitCode: string | null;
}

export interface DueOutcome extends DueCalculation {
  request: DueRequest;
  /** The office hours counted with, as "HH:mm". */
  hours: OfficeHoursInput;
  /** Working minutes in a day under those hours (one working day). */
  minutesPerDay: number;
  /** Set when the agency's own hours could not be used and the general ones were. */
  hoursNote: string | null;
}

export type DueState = { status: 'idle' } | { status: 'pending' } | { status: 'done'; outcome: DueOutcome } | { status: 'error'; message: string };

async function officeHoursFor(unitCode: string | null): Promise<{ hours: OfficeHours; note: string | null }> {
  if (unitCode === null) return { hours: DEFAULT_OFFICE_HOURS, note: null };
  try {
    const answer = await loadOfficeHours(unitCode);
    const hours = toDomainOfficeHours(answer);
    if (hours) return { hours, note: null };
    return { hours: DEFAULT_OFFICE_HOURS, note: 'Giờ làm việc của cơ quan chưa đúng định dạng; kết quả tính theo giờ hành chính chung.' };
  } catch (cause) {
    return {
      hours: DEFAULT_OFFICE_HOURS,
      note: `Chưa lấy được giờ làm việc riêng của cơ quan (${toApiError(cause).message}); kết quả tính theo giờ hành chính chung.`,
    };
  }
}

/** Computes due dates in the browser with the domain engine, from the server's calendar data. */
export function useDueCalculator(): { state: DueState; calculate: (request: DueRequest) => Promise<void> } {
  const [state, setState] = useState<DueState>({ status: 'idle' });
  const latest = useRef(0);

  const calculate = useCallback(async (request: DueRequest) => {
    const id = ++latest.current;
    setState({ status: 'pending' });
    try {
      const { hours, note } = await officeHoursFor(request.unitCode);
      const calculation = await calculateDue({ startLocal: request.startLocal, amount: request.amount, unit: request.unit, hours }, (year) =>
        loadYear(year, request.unitCode),
      );
      if (id !== latest.current) return;
      setState({
        status: 'done',
        outcome: { ...calculation, request, hours: fromDomainOfficeHoursText(hours), minutesPerDay: workingMinutesPerDay(hours), hoursNote: note },
      });
    } catch (cause) {
      if (id !== latest.current) return;
      const message = cause instanceof DueOutOfRangeError ? cause.message : toApiError(cause).message;
      setState({ status: 'error', message });
    }
  }, []);

  return { state, calculate };
}

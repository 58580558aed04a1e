/**
 * The reform work of issue 23 outside the index itself: reminders of the province's reform plan (kế hoạch cải cách
 * hành chính) to the units that own its tasks.
 */
import { z } from 'zod';

export const PAR_ENV = {
  REFORM_TASK_WARNING_LEAD_DAYS: {
    describe:
      'How many working days before the deadline of a task of the reform plan its owner unit is reminded (bell and e-mail); it is told again once the deadline has passed',
    schema: z.coerce.number().int().min(0).max(30).default(5),
  },
  PAR_REMINDER_LEAD_DAYS: {
    describe:
      'How many days before the self-assessment deadline of a reform-index round a unit that has not submitted is reminded (bell and e-mail); it is told again once the deadline has passed',
    schema: z.coerce.number().int().min(0).max(60).default(5),
  },
} as const;

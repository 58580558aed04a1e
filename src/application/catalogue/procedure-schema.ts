/** The procedure record on the wire (API, import files): zod schemas matching domain/catalogue/procedure.ts. */
import { z } from 'zod';
import {
  BUDGET_UNITS,
  CHANNELS,
  COMPONENT_FORMS,
  FEE_COLLECTED_AT,
  ONLINE_LEVELS,
  PROCEDURE_CODE_PATTERN,
  PROCEDURE_LEVELS,
  STEP_ROLES,
  SUBJECTS,
  type ProcedureRecord,
} from '../../domain/catalogue/procedure.js';
import { DURATION_UNITS } from '../../domain/calendar/working-time.js';
import { isoDate, text } from '../text-schema.js';

const name = (max = 500) => text(max).trim();

export const ProcedureCode = z.string().regex(PROCEDURE_CODE_PATTERN, 'mã thủ tục phải có dạng 1.001234 hoặc 2.001234');

export const ProcedureRecordSchema = z
  .strictObject({
    code: ProcedureCode.describe('MaTTHC'),
    onlineServiceCode: text(60).trim().min(1).nullable().describe('MaDichVuCong'),
    name: name(),
    fieldCode: text(40).trim().min(1).describe('MaLinhVuc'),
    level: z.enum(PROCEDURE_LEVELS),
    sequence: z.array(name(2000)).max(50),
    methods: z
      .array(
        z.strictObject({
          channel: z.enum(CHANNELS),
          timeLimit: z.strictObject({ amount: z.number().int().min(0).max(3650), unit: z.enum(DURATION_UNITS) }),
          description: name(2000),
        }),
      )
      .max(3),
    components: z
      .array(
        z.strictObject({
          code: text(60).trim(),
          name: name(),
          form: z.enum(COMPONENT_FORMS),
          quantity: z.number().int().min(0).max(100),
          required: z.boolean(),
          template: name().nullable(),
        }),
      )
      .max(60),
    subjects: z.array(z.enum(SUBJECTS)).max(4),
    agency: z.strictObject({
      competentAuthority: name(),
      implementingUnitCodes: z.array(text(40)).max(200),
      coordinatingUnitCodes: z.array(text(40)).max(50),
    }),
    results: z.array(z.strictObject({ code: text(60).trim(), name: name(), template: name().nullable() })).max(20),
    requirements: name(5000).nullable(),
    fees: z
      .array(
        z.strictObject({
          name: name(),
          amount: z.number().int().min(0).max(1_000_000_000).describe('VND'),
          collectedAt: z.enum(FEE_COLLECTED_AT),
          description: name(2000),
        }),
      )
      .max(20),
    legalBases: z.array(z.strictObject({ number: text(100).trim().min(1), title: name(), effectiveFrom: isoDate })).max(50),
    onlineLevel: z.enum(ONLINE_LEVELS),
    fullOnlineEligible: z.boolean(),
    paperResultRequired: z.boolean(),
    locationIndependent: z.boolean(),
    processTemplate: z
      .array(
        z.strictObject({
          name: name(),
          role: z.enum(STEP_ROLES),
          unitCode: text(40).nullable(),
          interAgency: z.boolean(),
          budget: z.strictObject({ amount: z.number().int().min(0).max(2000), unit: z.enum(BUDGET_UNITS) }),
        }),
      )
      .max(30),
  })
  .meta({ id: 'ProcedureRecord' });

// The schema and the domain type must describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _sameShape: Same<z.infer<typeof ProcedureRecordSchema>, ProcedureRecord> = true;
void _sameShape;

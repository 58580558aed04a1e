/**
 * What crosses the wire for the procedure catalogue (issue 16: one contract from the database to the browser).
 * The route validates and documents with these schemas, the use case returns their types, and the web app's
 * API client is typed from them: a change of shape is a type error in the browser code.
 */
import { z } from 'zod';

/** One row of GET /api/v1/publication-decisions. */
export const DecisionSummary = z.object({
  id: z.string(),
  number: z.string(),
  /** yyyy-MM-dd */
  issuedOn: z.string(),
  signer: z.string(),
  /** 'draft' | 'published' */
  status: z.string(),
  /** ISO instant; null for a draft. */
  publishedAt: z.string().nullable(),
  /** How many procedures the decision covers. */
  items: z.number(),
});
export type DecisionSummary = z.infer<typeof DecisionSummary>;

export const DecisionList = z.object({ decisions: z.array(DecisionSummary) });
export type DecisionList = z.infer<typeof DecisionList>;

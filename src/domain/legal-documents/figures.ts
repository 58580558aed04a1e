/**
 * The legal-documents register's figures for a year, as the PAR INDEX's field on institutions asks them (issue 23
 * item 8): documents issued in the year, reviews done in it on schedule or late, reviews overdue and documents in force
 * on the day the year is read at (31/12, or today while the year runs).
 */
import { inForceOn, reviewedOnSchedule, reviewOverdueOn, type DatedDocument, type IncomingLink, type RecordedReview } from './legal-document.js';

export interface RegisterEntry extends DatedDocument {
  issuedOn: string;
  reviewDueOn: string | null;
  links: readonly IncomingLink[];
  reviews: readonly RecordedReview[];
}

export interface LegalYearFigures {
  year: number;
  /** The day the figures are read at: 31/12 of the year, or today while the year is not over. */
  asOf: string;
  /** Documents issued (ngày ban hành) in the year. */
  issued: number;
  /** Reviews recorded with a review day in the year, up to asOf. */
  reviews: number;
  /** Of those, done on or before the due date they answered (or with none set). */
  reviewedOnSchedule: number;
  reviewedLate: number;
  /** Documents whose pending review due date had passed on asOf, not expired. */
  reviewsOverdue: number;
  /** Documents in force on asOf, whole or in part. */
  inForce: number;
}

/** The figures of `year` read on `today`. */
export function legalYearFigures(entries: readonly RegisterEntry[], year: number, today: string): LegalYearFigures {
  const yearEnd = `${String(year).padStart(4, '0')}-12-31`;
  const asOf = today < yearEnd ? today : yearEnd;
  const inYear = (day: string) => day.startsWith(`${String(year).padStart(4, '0')}-`) && day <= asOf;
  const reviews = entries.flatMap((e) => e.reviews.filter((r) => inYear(r.reviewedOn)));
  const onSchedule = reviews.filter(reviewedOnSchedule).length;
  return {
    year,
    asOf,
    issued: entries.filter((e) => inYear(e.issuedOn)).length,
    reviews: reviews.length,
    reviewedOnSchedule: onSchedule,
    reviewedLate: reviews.length - onSchedule,
    reviewsOverdue: entries.filter((e) => reviewOverdueOn(e, e.links, e.reviewDueOn, e.reviews, asOf)).length,
    inForce: entries.filter((e) => inForceOn(e, e.links, asOf)).length,
  };
}

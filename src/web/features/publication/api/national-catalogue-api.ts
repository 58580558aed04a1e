/**
 * The catalogue and the national procedure database (issue 21, capability catalogue.manage): notices of procedures a
 * ministry changed there, marking one handled, reading the national catalogue now, and the outbox sent to the portal.
 * The shapes are the server's contract (src/contract/national-catalogue.ts).
 */
import type { CataloguePull, NationalNotice } from '../../../../contract/national-catalogue.js';
import { apiPost } from '../../../shared/api.js';

export type {
  CataloguePull,
  NationalCatalogueOutbox,
  NationalNotice,
  NationalNoticeList as NationalNoticesResponse,
} from '../../../../contract/national-catalogue.js';

export const NATIONAL_CATALOGUE_PATH = '/api/v1/national-catalogue';
export const OPEN_NOTICES_PATH = `${NATIONAL_CATALOGUE_PATH}/notices?state=open`;
export const OUTBOX_PATH = `${NATIONAL_CATALOGUE_PATH}/outbox`;

export function markNoticeHandled(id: string): Promise<NationalNotice> {
  return apiPost(`${NATIONAL_CATALOGUE_PATH}/notices/${encodeURIComponent(id)}/handled`);
}

/** 200 with the counts, or an ApiError (503 when the national portal is not configured or does not answer). */
export function pullNationalCatalogue(): Promise<CataloguePull> {
  return apiPost(`${NATIONAL_CATALOGUE_PATH}/pull`);
}

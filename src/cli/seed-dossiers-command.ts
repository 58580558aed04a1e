/** Wires the synthetic-dossier seeder to a database for the CLI and the benchmarks. */
import type { Kysely } from 'kysely';
import type { DB } from '../infrastructure/db/schema.js';
import { loadUnitDirectory } from '../application/units/unit-directory.js';
import { loadCatalogueDirectory } from '../application/catalogue/catalogue-directory.js';
import { loadCalendarDirectory } from '../application/calendar/calendar-directory.js';
import { seedDossiers } from '../application/seed/seed-dossiers.js';
import type { FileStore } from '../infrastructure/files/file-store.js';
import type { PersonalDataCipher } from '../application/personal-data.js';

export async function seedSyntheticDossiers(
  db: Kysely<DB>,
  files: FileStore,
  personalData: PersonalDataCipher,
  count: number,
  seed: number | undefined,
  onProgress: (done: number, total: number) => void,
) {
  const units = await loadUnitDirectory(db);
  const catalogue = await loadCatalogueDirectory(db, units);
  const calendars = await loadCalendarDirectory(db, units);
  return seedDossiers({ db, units, catalogue, calendars, files, personalData }, { count, ...(seed === undefined ? {} : { seed }), onProgress });
}

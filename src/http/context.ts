import type { AppConfig } from '../config/env.js';
import type { AppDeps } from '../application/context.js';
import type { CalendarDirectory } from '../application/calendar/calendar-directory.js';
import type { CatalogueDirectory } from '../application/catalogue/catalogue-directory.js';
import type { SessionStore } from '../infrastructure/auth/session-store.js';
import type { Engine } from '../infrastructure/db/database.js';
import type { FileStore } from '../infrastructure/files/file-store.js';
import type { PersonalDataCipher } from '../application/personal-data.js';
import type { PaymentGateways } from '../domain/payment/gateway.js';
import type { SigningPort } from '../domain/esign/signing.js';
import type { NationalVault, PopulationRegistry } from '../domain/data-vault/exchange.js';
import type { NationalPortal } from '../domain/national-sync/portal-port.js';
import type { FeedbackDeadlines } from '../domain/feedback/deadlines.js';
import type { ConfiguredSystems } from '../application/national-sync/list-connections.js';

/** What route plugins receive. */
export interface HttpContext {
  config: AppConfig;
  deps: AppDeps & {
    sessions: SessionStore;
    calendars: CalendarDirectory;
    catalogue: CatalogueDirectory;
    files: FileStore;
    personalData: PersonalDataCipher;
    payments: PaymentGateways;
    signing: SigningPort;
    populationRegistry: PopulationRegistry | null;
    nationalVault: NationalVault | null;
    /** The national portal's integration API (issue 21); null: the sync is off. */
    nationalPortal: NationalPortal | null;
    /** Which outside systems are configured, for the connections page. */
    systems: ConfiguredSystems;
    /** Citizen feedback (issue 22): the working-day deadlines, and the key of the public form's challenge. */
    feedbackDeadlines: FeedbackDeadlines;
    challengeKey: string;
  };
  engine: Engine;
  version: string;
}

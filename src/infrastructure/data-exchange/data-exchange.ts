/**
 * The outside systems of "provide once", chosen in one place (issue 20): the LGSP client of the population
 * database and the national vault's client as configured (config/data-exchange-config.ts), and the demo's local
 * simulators of both, holding the demo citizens and their documents. An officer mapping under "*" serves every
 * official without one of their own (the demo's single LGSP account); a real LGSP maps each officer.
 */
import type { DataExchangeConfig } from '../../config/data-exchange-config.js';
import type { NationalPortal } from '../../domain/national-sync/portal-port.js';
import { createNationalPortal } from '../national-portal/portal-client.js';
import { createPortalSimulator, demoNationalProcedures, type PortalSimulator } from '../national-portal/portal-simulator.js';
import type { NationalVault, PopulationRegistry } from '../../domain/data-vault/exchange.js';
import { createLgspPopulationRegistry } from './population-registry.js';
import { createPopulationRegistrySimulator, demoRegistryCitizens, type PopulationRegistrySimulator } from './population-registry-simulator.js';
import { createNationalVault } from './national-vault.js';
import { createNationalVaultSimulator, demoVaultDocuments, type NationalVaultSimulator } from './national-vault-simulator.js';

export function createDataExchange(config: DataExchangeConfig): {
  populationRegistry: PopulationRegistry | null;
  nationalVault: NationalVault | null;
  nationalPortal: NationalPortal | null;
} {
  const population = config.population;
  let populationRegistry: PopulationRegistry | null = null;
  if (population) {
    const adapter = createLgspPopulationRegistry(population);
    const wildcard = Object.hasOwn(population.officers, '*');
    populationRegistry = {
      lookup: (query) => adapter.lookup(wildcard && !Object.hasOwn(population.officers, query.officer) ? { ...query, officer: '*' } : query),
    };
  }
  return {
    populationRegistry,
    nationalVault: config.nationalVault ? createNationalVault(config.nationalVault) : null,
    nationalPortal: config.portal.portal ? createNationalPortal(config.portal.portal) : null,
  };
}

export interface LocalDataExchange {
  population: PopulationRegistrySimulator | null;
  vault: NationalVaultSimulator | null;
  /** The national portal's integration API (issue 21). */
  portal: PortalSimulator | null;
}

/** The demo's simulators, with the credentials drawn for this process. */
export async function createLocalDataExchange(config: DataExchangeConfig): Promise<LocalDataExchange> {
  const p = config.local.population;
  const v = config.local.vault;
  return {
    population: p
      ? createPopulationRegistrySimulator({
          credentials: { accessKey: p.accessKey, secretKey: p.secretKey, appName: p.appName, partnerCode: p.partnerCode, partnerCodeCus: p.partnerCodeCus },
          officers: { [p.keyName]: p.keyPass },
          citizens: demoRegistryCitizens(),
        })
      : null,
    vault: v ? createNationalVaultSimulator({ username: v.username, password: v.password, documents: await demoVaultDocuments() }) : null,
    portal: config.portal.local ? createPortalSimulator({ ...config.portal.local, procedures: await demoNationalProcedures() }) : null,
  };
}

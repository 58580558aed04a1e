import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { intakeFormPath, myVaultPath, type IntakeForm, type VaultListing } from '../api/data-vault-api.js';

/** The logged-in citizen's vault; with a procedure code, the offers for its components. Nothing while `enabled` is false. */
export function useMyVault(enabled: boolean, procedureCode: string | null = null): ApiQuery<VaultListing> {
  return useApiQuery<VaultListing>(enabled ? myVaultPath(procedureCode) : null);
}

/** The procedure's e-form prefilled for the logged-in citizen; null skips the request. */
export function useIntakeForm(procedureCode: string | null): ApiQuery<IntakeForm> {
  return useApiQuery<IntakeForm>(procedureCode === null ? null : intakeFormPath(procedureCode));
}

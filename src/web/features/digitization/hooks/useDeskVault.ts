import { useState } from 'react';
import { useApiQuery, type ApiQuery } from '../../../shared/hooks/useApiQuery.js';
import { useAction, type Action } from '../../calendar/hooks/useAction.js';
import { deskVaultPath, grantVaultConsent, type VaultListing } from '../api/provide-once-api.js';
import { consentPurpose, type VaultChoices } from '../vault-offers.js';

export interface DeskVault {
  /** The consent recorded, for this person and procedure. */
  consentFor: { personalId: string; procedureCode: string } | null;
  consent: Action;
  /** Record the citizen's consent, then list their vault for the procedure. */
  agree: (personalId: string, procedureCode: string) => Promise<boolean>;
  listing: ApiQuery<VaultListing>;
  choices: VaultChoices;
  choose: (componentCode: string, documentId: string | null) => void;
  reset: () => void;
}

/** The citizen's data vault at the desk: opened only once the citizen agreed, recorded; the documents chosen for components. */
export function useDeskVault(personalId: string, procedureCode: string | null): DeskVault {
  const [consentFor, setConsentFor] = useState<DeskVault['consentFor']>(null);
  const [choices, setChoices] = useState<VaultChoices>({});
  const consent = useAction();
  // The listing is of the person and procedure the consent was given for; another number or procedure closes it.
  const open = consentFor !== null && consentFor.personalId === personalId.replace(/\s/g, '') && consentFor.procedureCode === procedureCode;
  const listing = useApiQuery<VaultListing>(open ? deskVaultPath(consentFor.personalId, consentFor.procedureCode) : null);

  async function agree(id: string, code: string) {
    const outcome = await consent.run(() => grantVaultConsent({ personalId: id, purpose: consentPurpose(code) }));
    if (!outcome?.ok) return false;
    setChoices({});
    setConsentFor({ personalId: id, procedureCode: code });
    return true;
  }

  function choose(componentCode: string, documentId: string | null) {
    setChoices(({ [componentCode]: _previous, ...rest }) => (documentId ? { ...rest, [componentCode]: documentId } : rest));
  }

  function reset() {
    setConsentFor(null);
    setChoices({});
    consent.clearError();
  }

  return { consentFor: open ? consentFor : null, consent, agree, listing, choices: open ? choices : {}, choose, reset };
}

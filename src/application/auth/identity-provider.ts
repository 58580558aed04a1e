/**
 * The port to the citizens' identity provider (VNeID, or the development one): what the login use case and its
 * route need of an OpenID Connect client. src/infrastructure/oidc/oidc-client.ts implements it.
 */

/** What the browser carries (signed) between the start of a login and the provider's callback. */
export interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

/** A citizen as the provider vouches for them, after the code exchange and the ID token's checks. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  name: string;
  personalId: string | null;
  email: string | null;
  /** Issue 20: what the provider released besides (birthdate, phone_number) and the VNeID assurance level (claim `ial`, Decree 69/2024). */
  birthDate?: string | null;
  phone?: string | null;
  eidLevel?: 1 | 2 | null;
}

export interface IdentityProviderClient {
  /** Where to send the browser, and the state to keep until it comes back. */
  start(returnTo: string): Promise<{ url: string; pending: PendingLogin }>;
  /** Check the callback against the pending state and exchange the code; rejects when anything does not hold. */
  finish(callbackUrl: URL, pending: PendingLogin): Promise<ProviderIdentity>;
}

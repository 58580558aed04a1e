/**
 * Where the development identity provider keeps its sessions, grants and codes: in memory, on purpose (it is a
 * simulator of VNeID; a restart logs its demo citizens out of it, not out of motcua). Stated here so that
 * oidc-provider does not warn about its own quick-start adapter at every start. Each provider gets its own
 * store; an expired entry goes when it is read.
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';

type Entry = { payload: AdapterPayload; expiresAt: number | null };

/** The adapter factory of one provider (oidc-provider calls it once per model name). */
export function memoryAdapter(): (model: string) => Adapter {
  const stores = new Map<string, Map<string, Entry>>();
  const byUid = new Map<string, [Map<string, Entry>, string]>();
  const byUserCode = new Map<string, [Map<string, Entry>, string]>();
  const byGrant = new Map<string, [Map<string, Entry>, string][]>();
  const read = (store: Map<string, Entry>, id: string): AdapterPayload | undefined => {
    const entry = store.get(id);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= Date.now()) store.delete(id);
    return entry && store.has(id) ? entry.payload : undefined;
  };
  return (model) => {
    const store = stores.get(model) ?? stores.set(model, new Map()).get(model)!;
    return {
      upsert: async (id, payload, expiresIn) => {
        store.set(id, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : null });
        if (payload.uid) byUid.set(payload.uid, [store, id]);
        if (payload.userCode) byUserCode.set(payload.userCode, [store, id]);
        if (payload.grantId) byGrant.set(payload.grantId, [...(byGrant.get(payload.grantId) ?? []), [store, id]]);
      },
      find: async (id) => read(store, id),
      findByUid: async (uid) => {
        const at = byUid.get(uid);
        return at ? read(...at) : undefined;
      },
      findByUserCode: async (userCode) => {
        const at = byUserCode.get(userCode);
        return at ? read(...at) : undefined;
      },
      consume: async (id) => {
        const entry = store.get(id);
        if (entry) entry.payload = { ...entry.payload, consumed: Math.floor(Date.now() / 1000) };
      },
      destroy: async (id) => {
        store.delete(id);
      },
      revokeByGrantId: async (grantId) => {
        for (const [s, id] of byGrant.get(grantId) ?? []) s.delete(id);
        byGrant.delete(grantId);
      },
    };
  };
}

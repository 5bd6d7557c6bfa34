// What a kiosk keeps in its browser (IndexedDB, database `isoloir-kiosk`): its identity (the kiosk id,
// its post and its ECDSA P-256 key, generated here and not extractable: the private key never leaves
// the browser, not even to this code) and the queue of sealed ballots waiting for the network. No
// voter data is kept anywhere else; a queued entry holds only what the ballot box receives (ciphertexts,
// proofs, the visit token, the kiosk's signature).
const DB_NAME = 'isoloir-kiosk';
const IDENTITY = 'identity';
const QUEUE = 'queue';

export interface KioskIdentity {
  readonly kioskId: string;
  readonly post: string;
  readonly label: string;
  readonly privateKey: CryptoKey;
}

/** Exactly the body of POST /api/kiosk/ballots, keyed by the first ballot's id. */
export interface QueuedCast {
  readonly id: string;
  readonly body: {
    readonly kioskId: string;
    readonly visit: string;
    readonly signature: string;
    readonly ballots: readonly object[];
  };
  readonly sealedAt: string;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(IDENTITY);
      request.result.createObjectStore(QUEUE, { keyPath: 'id' });
    };
    request.onsuccess = () => {
      resolve(request.result);
    };
    request.onerror = () => {
      reject(request.error ?? new Error('indexedDB'));
    };
  });
}

async function run<T>(store: string, mode: IDBTransactionMode, act: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(store, mode);
      const request = act(tx.objectStore(store));
      tx.oncomplete = () => {
        resolve(request.result as T);
      };
      tx.onerror = () => {
        reject(tx.error ?? new Error('indexedDB'));
      };
    });
  } finally {
    db.close();
  }
}

export const readIdentity = (): Promise<KioskIdentity | undefined> =>
  run<KioskIdentity | undefined>(IDENTITY, 'readonly', (s) => s.get('kiosk'));

export const saveIdentity = (identity: KioskIdentity): Promise<unknown> =>
  run(IDENTITY, 'readwrite', (s) => s.put(identity, 'kiosk'));

/** Durable once this resolves (the transaction has committed). */
export const enqueue = (entry: QueuedCast): Promise<unknown> => run(QUEUE, 'readwrite', (s) => s.put(entry));

export const queued = (): Promise<QueuedCast[]> => run<QueuedCast[]>(QUEUE, 'readonly', (s) => s.getAll());

export const dequeue = (id: string): Promise<unknown> => run(QUEUE, 'readwrite', (s) => s.delete(id));

// Handing an audited ballot to a second device. The audit data is encrypted here with AES-256-GCM
// under a fresh random key; the server keeps only the ciphertext (POST /api/voting/audit-handovers)
// and the key travels in the link's fragment (`#…`), which browsers never send to a server. The
// second device fetches the ciphertext, decrypts it with the fragment, and checks the ballot under
// the key published on the bulletin board, as /vote/verify does with pasted data.

const IV_BYTES = 12;

function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/** Encrypts the audit data's text; `blob` goes to the server, `key` only into the link's fragment. */
export async function sealHandover(text: string): Promise<{ readonly blob: string; readonly key: string }> {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text)),
  );
  const blob = new Uint8Array(IV_BYTES + sealed.length);
  blob.set(iv);
  blob.set(sealed, IV_BYTES);
  return { blob: toBase64url(blob), key: toBase64url(raw) };
}

/** The audit data's text, or undefined when the key or the blob is wrong (nothing is guessed). */
export async function openHandover(blob: string, key: string): Promise<string | undefined> {
  const bytes = fromBase64url(blob);
  const raw = fromBase64url(key);
  if (bytes === undefined || raw?.length !== 32 || bytes.length <= IV_BYTES) return undefined;
  try {
    const k = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.slice(0, IV_BYTES) },
      k,
      bytes.slice(IV_BYTES),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return undefined;
  }
}

export function handoverLink(origin: string, id: string, key: string): string {
  return `${origin}/vote/verify?handover=${encodeURIComponent(id)}#${key}`;
}

/** The handover named by a /vote/verify link (`?handover=ID#KEY`), if any. */
export function handoverOf(search: string, hash: string): { readonly id: string; readonly key: string } | undefined {
  const id = new URLSearchParams(search).get('handover');
  const key = hash.replace(/^#/, '');
  return id !== null && /^[A-Za-z0-9_-]{22}$/.test(id) && /^[A-Za-z0-9_-]{43}$/.test(key) ? { id, key } : undefined;
}

/**
 * A random key for Idempotency-Key headers and client-side ids. `crypto.randomUUID` exists in
 * secure contexts only, and intranet pages are not always served over https.
 */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext !== false) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

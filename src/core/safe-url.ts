const IMAGE_DATA_URL = /^data:image\/(png|jpeg|gif|webp|avif|svg\+xml)[;,]/i;

/**
 * The URL as an absolute string when it is safe to use as an image source or link target
 * (http, https, or for images an image `data:` URL); otherwise undefined. Never lets
 * `javascript:` or other schemes through.
 */
export function safeUrl(value: unknown, kind: 'image' | 'link' = 'link'): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (kind === 'image' && IMAGE_DATA_URL.test(text)) return text;
  try {
    const url = new URL(text, globalThis.location?.href ?? 'http://localhost/');
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined; // not a URL at all
  }
}

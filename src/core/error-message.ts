import type { PeerError } from './errors.js';
import type { LocalizeController } from './i18n/localize.js';

/** A sentence for the reader that says what went wrong, in their language. */
export function errorMessage(localize: LocalizeController<object>, error: PeerError): string {
  if (error.kind === 'offline') return localize.term('error.offline');
  if (error.kind === 'timeout') return localize.term('error.timeout');
  if (error.kind === 'network') return localize.term('error.network');
  if (error.status === 401) return localize.term('error.unauthorized');
  if (error.status === 403) return localize.term('error.forbidden');
  if (error.status === 429) return localize.term('error.tooMany');
  if (error.status >= 400 && error.status < 500 && error.detail) return error.detail;
  // An answer that is not JSON, or a bare 404: the base URL most likely points at something else
  // (a CMS page, a web server's own "not found"). Saying where helps whoever set it up.
  if (error.kind === 'parse' || (error.status === 404 && error.url)) {
    return localize.term('error.notApi', (error.url ?? '').replace(/[?#].*$/, ''));
  }
  return localize.term('error.server');
}

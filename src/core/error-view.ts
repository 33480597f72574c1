import { html } from 'lit';
import type { PeerError } from './errors.js';
import type { LocalizeController } from './i18n/localize.js';

/** A sentence for the reader that says what went wrong, in their language. */
export function errorMessage(localize: LocalizeController, error: PeerError): string {
  if (error.kind === 'offline') return localize.term('error.offline');
  if (error.kind === 'timeout') return localize.term('error.timeout');
  if (error.kind === 'network') return localize.term('error.network');
  if (error.status === 401) return localize.term('error.unauthorized');
  if (error.status === 403) return localize.term('error.forbidden');
  if (error.status === 429) return localize.term('error.tooMany');
  if (error.status >= 400 && error.status < 500 && error.detail) return error.detail;
  return localize.term('error.server');
}

/** The error state every widget shares: a heading, the reason, and a retry button. */
export function renderError(localize: LocalizeController, heading: string, error: PeerError, retry: () => void) {
  return html`<div part="error" class="error" role="alert">
    <span class="error-heading">${heading}</span>
    <span class="error-detail">${errorMessage(localize, error)}</span>
    <button part="retry-button" class="retry" type="button" @click=${retry}>${localize.term('common.retry')}</button>
  </div>`;
}

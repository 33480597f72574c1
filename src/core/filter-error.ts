import { UNKNOWN_FILTER } from '../contract/problems.js';
import { errorMessage } from './error-message.js';
import type { PeerError } from './errors.js';
import type { FilterMessages } from './i18n/en-filters.js';
import type { LocalizeController } from './i18n/localize.js';

/**
 * What went wrong, for a widget whose attributes filter a list: a filter that names nothing
 * (`team="desgin"`) is said in the reader's language, with the id the author most likely meant.
 * Only such widgets carry these words; everything else is `errorMessage`.
 */
export function filterErrorMessage(localize: LocalizeController<FilterMessages>, error: PeerError): string {
  if (error.type !== UNKNOWN_FILTER || !error.errors.length || !error.errors.every((e) => e.value)) {
    return errorMessage(localize, error);
  }
  return error.errors
    .map(
      ({ path, value, meant }) =>
        localize.term('filter.unknown', path, value!) + (meant ? ` ${localize.term('filter.meant', meant)}` : ''),
    )
    .join(' ');
}

import type { Messages } from './en.js';

export const de: Messages = {
  'common.retry': 'Erneut versuchen',
  'common.loading': 'Wird geladen…',
  'error.network': 'Der Server ist nicht erreichbar.',
  'error.offline': 'Sie sind offline. Versuchen Sie es erneut, sobald die Verbindung wieder steht.',
  'error.timeout': 'Der Server hat zu lange nicht geantwortet.',
  'error.server': 'Auf dem Server ist ein Fehler aufgetreten.',
  'error.forbidden': 'Sie dürfen dies nicht sehen.',
  'error.unauthorized': 'Bitte melden Sie sich erneut an.',
  'error.tooMany': 'Zu viele Anfragen. Bitte warten Sie einen Moment.',
  'person.loading': 'Person wird geladen',
  'person.notFound': 'Unbekannte Person',
  'person.notFoundDetail': 'Niemand mit dieser Kennung wurde gefunden.',
  'person.error': 'Diese Person konnte nicht geladen werden.',
  'person.localTime': (time: string) => `${time} Ortszeit`,
};

import type { Messages } from './en.js';

export const ar: Messages = {
  'common.retry': 'حاول مرة أخرى',
  'common.loading': 'جارٍ التحميل…',
  'error.network': 'تعذّر الوصول إلى الخادم.',
  'error.offline': 'أنت غير متصل. حاول مرة أخرى عند عودة الاتصال.',
  'error.timeout': 'استغرق الخادم وقتًا طويلًا للرد.',
  'error.server': 'حدث خطأ في الخادم.',
  'error.forbidden': 'غير مسموح لك بعرض هذا.',
  'error.unauthorized': 'يُرجى تسجيل الدخول مرة أخرى.',
  'error.tooMany': 'طلبات كثيرة جدًا. يُرجى الانتظار قليلًا.',
  'person.loading': 'جارٍ تحميل الشخص',
  'person.notFound': 'شخص غير معروف',
  'person.notFoundDetail': 'لم يُعثر على أحد بهذا المعرّف.',
  'person.error': 'تعذّر تحميل هذا الشخص.',
  'person.localTime': (time: string) => `${time} بالتوقيت المحلي`,
};

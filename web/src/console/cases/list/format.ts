/** Dates as the bureau reads them: Asia/Shanghai, whatever the browser's zone (the API gives UTC instants). */
import type { Language } from '../../../i18n/i18n.tsx';

const formats = new Map<string, Intl.DateTimeFormat>();

const format = (language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${language}:${JSON.stringify(options)}`;
  let formatter = formats.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone: 'Asia/Shanghai',
      ...options,
    });
    formats.set(key, formatter);
  }
  return formatter;
};

/** `2026-03-05 14:30` (Beijing time) of an instant. */
export const formatDateTime = (instant: string | undefined, language: Language = 'zh'): string => {
  if (!instant) return '';
  const parts = format(language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
};

/** `2026-03-05`: the Beijing date of an instant (a bureau date `YYYY-MM-DD` stays as it is). */
export const formatDate = (instant: string | undefined): string => {
  if (!instant) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(instant)) return instant;
  return format('zh', { year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(instant))
    .replace(/\//g, '-');
};

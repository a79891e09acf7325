/** Helpers of the public pages: times in Beijing time, and the wait a 429 asks for. */
import type { Language } from '../i18n/i18n.tsx';

const formats: Record<Language, Intl.DateTimeFormat> = {
  zh: new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }),
};

/** An API instant (UTC) as Beijing time, in the page's language. */
export const formatInstant = (instant: string, language: Language): string =>
  formats[language].format(new Date(instant));

/** The seconds a `Retry-After` header asks to wait (delta-seconds or an HTTP date), at least 1; undefined without one. */
export const retryAfterSeconds = (response: Response | undefined): number | undefined => {
  const value = response?.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : undefined;
};

/** A wait as people say it: `45 秒` / `4 分钟` (rounded up), `45 seconds` / `4 minutes`. */
export const formatWait = (seconds: number, language: Language): string => {
  if (seconds < 60) return language === 'zh' ? `${seconds} 秒` : `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 120) return language === 'zh' ? `${minutes} 分钟` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return language === 'zh' ? `${hours} 小时` : `${hours} hours`;
};

/**
 * Times as the bureau reads them: instants (UTC from the API) shown in Asia/Shanghai, bureau dates as they are, and
 * how many days are left before a deadline (or how many it is overdue), counted in Asia/Shanghai calendar days.
 */
import { loadConfig } from '../../../auth/config.ts';

const timeZone = 'Asia/Shanghai';

const instantFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

const timeFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** `2026-10-26 09:00` in Asia/Shanghai; a dash when absent. */
export const formatInstant = (iso: string | undefined | null): string => {
  if (!iso) return '—';
  const parts = Object.fromEntries(instantFormat.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
};

/** The Asia/Shanghai calendar day of an instant, `YYYY-MM-DD`. */
export const bureauDay = (instant: string | number | Date): string => dayFormat.format(new Date(instant));

/** `09:00:05` in Asia/Shanghai. */
export const formatClockTime = (instant: number | Date): string => timeFormat.format(new Date(instant));

/** Calendar days from `today` to `day` (both `YYYY-MM-DD`): negative when `day` is past. */
export const daysBetween = (today: string, day: string): number =>
  Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

/**
 * The time the system sees, in milliseconds: on one machine (`npm start`) the settable local clock (`/local/clock`),
 * so days left agree with the colours the nightly check gave; in AWS the browser's own clock.
 */
export const fetchSystemNow = async (): Promise<number> => {
  try {
    const config = await loadConfig();
    if (config.auth.mode === 'local') {
      const response = await fetch('/local/clock', { cache: 'no-store' });
      if (response.ok) {
        const { now } = (await response.json()) as { now?: string };
        const parsed = now ? Date.parse(now) : Number.NaN;
        if (!Number.isNaN(parsed)) return parsed;
      }
    }
  } catch {
    // Fall back to the browser's clock.
  }
  return Date.now();
};

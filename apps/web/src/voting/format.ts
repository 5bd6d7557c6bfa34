// Dates in the voter's own time zone, and the time left in a period.
import { localeOf } from '../i18n/languages.ts';
export function localTime(iso: string | null, language: string): string {
  if (iso === null) return '—';
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  }).format(new Date(iso));
}

export function timeZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function timeLeft(closesAt: string | null, now: string, language: string): string {
  if (closesAt === null) return '—';
  const minutes = Math.max(0, Math.floor((Date.parse(closesAt) - Date.parse(now)) / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const format = (value: number, unit: 'day' | 'hour' | 'minute'): string =>
    new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  return [days > 0 ? format(days, 'day') : '', format(hours, 'hour'), format(minutes % 60, 'minute')]
    .filter((p) => p !== '')
    .join(' ');
}

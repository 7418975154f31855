import { displayDate, displayDateTime, rigaTimeOf } from '../../domain/riga-time';
import { currentLanguage } from '../i18n/i18n';

const locale = () => (currentLanguage() === 'lv' ? 'lv-LV' : 'en-GB');

/**
 * A calendar date (YYYY-MM-DD): 03.12.2026. Dates and times are written one way throughout the
 * app, whatever its language: Latvian style, day first, 24-hour time, on Riga's clock.
 */
export function formatDate(isoDate: string): string {
  return displayDate(isoDate);
}

/** An instant in Riga time, with minutes: 03.12.2026 09:05. */
export function formatDateTime(iso: string): string {
  return displayDateTime(new Date(iso));
}

/** The time of an instant in Riga: 17:00. */
export function formatTime(iso: string): string {
  return rigaTimeOf(new Date(iso));
}

/** A count with the thousands grouped as the language does: 10 000 in Latvian, 10,000 in English. */
export function formatCount(count: number): string {
  return new Intl.NumberFormat(locale()).format(count);
}

/** A file's size in kB or MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatCount(Math.ceil(bytes / 1024))} kB`;
  return `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

export function fullName(person: { givenName: string; surname: string }): string {
  return `${person.givenName} ${person.surname}`;
}

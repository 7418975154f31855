import { currentLanguage } from '../i18n/i18n';

const locale = () => (currentLanguage() === 'lv' ? 'lv-LV' : 'en-GB');

/** A date as people write it: 23.11.2026. in Latvian, 23/11/2026 in English. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)),
  );
}

/** An instant in Riga time, with minutes. */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), {
    timeZone: 'Europe/Riga',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** The time of an instant in Riga, e.g. 17:00. */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: 'Europe/Riga', timeStyle: 'short' }).format(
    new Date(iso),
  );
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

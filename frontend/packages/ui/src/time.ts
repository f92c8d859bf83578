// Every time the portal shows is in Athens time, whatever the browser's own zone; the API's times carry the
// Athens offset already, and are formatted here with the zone named, so the day and the hour never shift.
import i18n from 'i18next';

const ZONE = 'Europe/Athens';

function locale(): string {
  return i18n.language === 'en' ? 'en-GB' : 'el-GR';
}

/** The day in Athens, as YYYY-MM-DD (the key the slot search and the picker use). */
export function athensDay(iso: string | Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(typeof iso === 'string' ? new Date(iso) : iso);
  return parts; // en-CA writes YYYY-MM-DD
}

/** "Τρίτη 15 Δεκεμβρίου 2026" / "Tuesday 15 December 2026". */
export function formatDay(iso: string): string {
  // a day key (YYYY-MM-DD) is read as noon in Athens, safely inside that day in any zone
  const date = iso.length === 10 ? new Date(`${iso}T12:00:00+02:00`) : new Date(iso);
  return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .format(date);
}

/** "14 Μαρτίου 1985": a date without its weekday (a birth date). */
export function formatDate(day: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(`${day}T12:00:00+02:00`));
}

/** "09:20" — 24-hour, as Greek offices write it (Intl's el-GR would say "09:20 π.μ."). */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(locale(), { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return `${formatDay(iso)}, ${formatTime(iso)}`;
}

/** The start of a day in Athens as a time with its offset ("2026-07-01T00:00:00+03:00"), summer time or not. */
export function athensMidnight(day: string): string {
  // the offset in force at that midnight (the clocks change at 03:00 and 04:00, never across it)
  const midnight = new Date(`${day}T00:00:00+02:00`);
  const zone = new Intl.DateTimeFormat('en', { timeZone: ZONE, timeZoneName: 'shortOffset' })
    .formatToParts(midnight).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+2';
  const hours = Number(zone.replace('GMT', '') || '0');
  return `${day}T00:00:00${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`;
}

/** Today in Athens, and a day some days later, as day keys. */
export function athensToday(): string {
  return athensDay(new Date());
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A day and a time on the clock in Athens as a time with the offset in force then ("2026-07-01T09:30:00+03:00"). */
export function athensDateTime(day: string, time: string): string {
  const winter = new Date(`${day}T${time}:00+02:00`);
  const zone = new Intl.DateTimeFormat('en', { timeZone: ZONE, timeZoneName: 'shortOffset' })
    .formatToParts(winter).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT+2';
  const hours = Number(zone.replace('GMT', '') || '0');
  return `${day}T${time}:00${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`;
}

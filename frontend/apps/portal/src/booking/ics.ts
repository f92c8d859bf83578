import type { Booking } from '@mydimos/api';

/** An iCalendar entry of the booking, for the person's own calendar (RFC 5545; times in UTC, so no zone table). */
export function icsOf(booking: Booking, summary: string, location: string): string {
  const utc = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const text = (value: string) => value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//myDimos//appointments//EL', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH',
    'BEGIN:VEVENT', `UID:${booking.reference}@mydimos.gov.gr`, `DTSTAMP:${utc(new Date().toISOString())}`,
    `DTSTART:${utc(booking.start)}`, `DTEND:${utc(booking.end)}`, `SUMMARY:${text(summary)}`,
    `LOCATION:${text(location)}`, `DESCRIPTION:${text(booking.reference)}`, 'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n');
}

import { api, problemText, type Booking } from '@mydimos/api';
import { athensToday, Button, ErrorSummary, formatTime, usePageTitle } from '@mydimos/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FindBooking } from '../lookup/FindBooking';
import { Documents } from './Documents';
import { useWorkplace } from '../workplace/Workplace';

/** How often the agenda is read again on its own, so that new, moved and cancelled appointments show up. */
const REFRESH_MS = 30_000;

/**
 * The day at the desk (BK-8): the appointments of a day of the employee's municipality, by unit, with who they are
 * for, their tax number, special needs made prominent, and the front desk's marks (arrived, completed, did not come).
 */
export function AgendaPage() {
  const { t, i18n } = useTranslation();
  const { municipality, code: municipalityCode, serviceName, employees, employeeName } = useWorkplace();
  const [day, setDay] = useState(athensToday());
  const [unit, setUnit] = useState('');
  const [employee, setEmployee] = useState('');
  const [bookings, setBookings] = useState<Booking[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // the mark just made, read out; and the row it was made in, where the keyboard stays
  const [announced, setAnnounced] = useState('');
  const [marked, setMarked] = useState<string | null>(null);
  const greek = i18n.language === 'el';
  usePageTitle(t('agenda.title'));

  const latest = useRef(0);
  const read = useCallback(() => {
    const query = new URLSearchParams({ date: day });
    if (unit) query.set('unit', unit);
    if (employee) query.set('employee', employee);
    const asked = ++latest.current; // an answer to an earlier question (another day, unit or employee) is dropped
    return api<Booking[]>(`/api/bookings/agenda?${query}`)
      .then((found) => {
        if (asked !== latest.current) return;
        setBookings(found);
        setError(null);
      })
      .catch((failure) => asked === latest.current && setError(problemText(failure)));
    // municipalityCode: read again when the employee changes the municipality they work in
  }, [day, unit, employee, municipalityCode]);

  useEffect(() => {
    read();
    const timer = setInterval(() => read(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [read]);

  async function mark(reference: string, action: 'check-in' | 'complete' | 'no-show') {
    if (busy) return;
    setBusy(true);
    try {
      const changed = await api<Booking>(`/api/bookings/${encodeURIComponent(reference)}/${action}`, { method: 'POST' });
      setAnnounced(t('agenda.marked', { status: t(`status.${changed.status}`), name: changed.person?.fullName ?? reference }));
      await read();
      setMarked(reference); // once the row shows its new status
    } catch (failure) {
      setError(problemText(failure));
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (!marked || !bookings) return;
    // the row's next action if it has one, otherwise its status
    const row = document.querySelector<HTMLElement>(`[data-reference="${marked}"]`);
    (row?.querySelector<HTMLElement>('button') ?? row?.querySelector<HTMLElement>('[data-status]'))?.focus();
    setMarked(null);
  }, [bookings, marked]);

  return (
    <div className="mydimos-full-width">
      <span className="govgr-caption-l">{municipality ? (greek ? municipality.nameEl : municipality.nameEn) : municipalityCode}</span>
      <h1 className="govgr-heading-xl">{t('agenda.title')}</h1>
      {error && <ErrorSummary title={t('errors.title')} errors={[{ message: error }]} />}
      <form className="mydimos-filters" onSubmit={(event) => { event.preventDefault(); void read(); }}>
        <div className="govgr-field">
          <label className="govgr-label" htmlFor="day">{t('agenda.day')}</label>
          <input className="govgr-input" type="date" id="day" value={day} onChange={(event) => event.target.value && setDay(event.target.value)} />
        </div>
        <div className="govgr-field">
          <label className="govgr-label" htmlFor="unit">{t('agenda.unit')}</label>
          <select className="govgr-select" id="unit" value={unit} onChange={(event) => {
            setUnit(event.target.value);
            setEmployee('');
          }}>
            <option value="">{t('agenda.allUnits')}</option>
            {(municipality?.units ?? []).map((u) => <option key={u.id} value={u.id}>{greek ? u.nameEl : u.nameEn}</option>)}
          </select>
        </div>
        {employees.length > 0 && (
          <div className="govgr-field">
            <label className="govgr-label" htmlFor="employee">{t('agenda.employee')}</label>
            <select className="govgr-select" id="employee" value={employee} onChange={(event) => setEmployee(event.target.value)}>
              <option value="">{t('agenda.allEmployees')}</option>
              {employees.filter((e) => !unit || e.unitId === unit).map((e) => <option key={e.id} value={e.id ?? ''}>{e.displayName}</option>)}
            </select>
          </div>
        )}
        <Button type="submit" variant="secondary">{t('agenda.refresh')}</Button>
      </form>
      {bookings === null ? <p className="govgr-body" role="status">{t('loading')}</p>
        : bookings.length === 0 ? <p className="govgr-body" role="status">{t('agenda.none')}</p> : (
          <table className="govgr-table govgr-table--dense govgr-table--stacked-m">
            <caption className="govgr-table__caption govgr-table__caption--s">{t('agenda.count', { count: bookings.length })}</caption>
            <thead className="govgr-table__head"><tr className="govgr-table__row">
              {['time', 'service', 'mode', 'person', 'needs', 'status', 'actions'].map((column) => (
                <th scope="col" className="govgr-table__header" key={column}>{t(`agenda.columns.${column}`)}</th>
              ))}
            </tr></thead>
            <tbody className="govgr-table__body">
              {bookings.map((b) => {
                const needs = [b.specialRequirements?.signLanguage ? t('needs.signLanguage') : null,
                  b.specialRequirements?.lipReading ? t('needs.lipReading') : null,
                  b.specialRequirements?.thirdPartyEmail ? t('needs.thirdParty') : null].filter(Boolean) as string[];
                return (
                  <tr className="govgr-table__row" key={b.reference} data-reference={b.reference}>
                    <td className="govgr-table__cell" data-label={t('agenda.columns.time')}>
                      <strong>{formatTime(b.start)}–{formatTime(b.end)}</strong>
                      {b.employee && <><br /><span className="mydimos-note">{employeeName(b.employee)}</span></>}
                    </td>
                    <td className="govgr-table__cell" data-label={t('agenda.columns.service')}>
                      {serviceName(b.service)}<br /><span className="mydimos-note">{b.reference}</span>
                      <Documents booking={b} />
                    </td>
                    <td className="govgr-table__cell" data-label={t('agenda.columns.mode')}>{t(`mode.${b.mode}`)}</td>
                    <td className="govgr-table__cell" data-label={t('agenda.columns.person')}>
                      {b.person?.fullName}
                      {b.person?.taxId && <><br />{t('agenda.taxId', { taxId: b.person.taxId })}</>}
                      <br /><span className="mydimos-note">{t(b.bookedBy.staff ? `agenda.bookedByStaff.${b.channel}` : b.bookedBy.onBehalfOfOther ? 'agenda.bookedForThem' : 'agenda.bookedOnline')}</span>
                    </td>
                    <td className="govgr-table__cell" data-label={t('agenda.columns.needs')}>{needs.map((need) => <strong className="govgr-tag__primary mydimos-tag" key={need}>{need}</strong>)}</td>
                    <td className="govgr-table__cell" data-label={t('agenda.columns.status')} data-status tabIndex={-1}>{t(`status.${b.status}`)}</td>
                    <td className="govgr-table__cell" data-label={t('agenda.columns.actions')}>
                      {b.mode === 'VIDEO' && (b.status === 'CONFIRMED' || b.status === 'CHECKED_IN') && (
                        <><Link className="govgr-link" to={`/calls/${encodeURIComponent(b.reference)}`}
                          aria-label={t('agenda.callFor', { name: b.person?.fullName ?? b.reference })}>{t('agenda.call')}</Link>{' '}</>
                      )}
                      {b.status === 'CONFIRMED' && (
                        <>
                          <Button variant="secondary" aria-disabled={busy} onClick={() => mark(b.reference, 'check-in')}
                            aria-label={t('agenda.checkInFor', { name: b.person?.fullName ?? b.reference })}>{t('agenda.checkIn')}</Button>{' '}
                          <Button variant="secondary" aria-disabled={busy} onClick={() => mark(b.reference, 'no-show')}
                            aria-label={t('agenda.noShowFor', { name: b.person?.fullName ?? b.reference })}>{t('agenda.noShow')}</Button>
                        </>
                      )}
                      {b.status === 'CHECKED_IN' && (
                        <Button variant="secondary" aria-disabled={busy} onClick={() => mark(b.reference, 'complete')}
                          aria-label={t('agenda.completeFor', { name: b.person?.fullName ?? b.reference })}>{t('agenda.complete')}</Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      <p role="status" className="govgr-visually-hidden">{announced}</p>
      <FindBooking serviceName={serviceName} />
    </div>
  );
}

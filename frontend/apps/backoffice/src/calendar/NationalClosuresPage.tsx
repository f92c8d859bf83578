import { api, Problem, problemText, type NationalClosure, type StrandedAppointment } from '@mydimos/api';
import { Button, ErrorSummary, type FieldError, formatDate, TextField, usePageTitle } from '@mydimos/ui';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Stranded } from '../Stranded';

const PATH = '/api/availability/national-closures';

/**
 * Days the whole country's municipalities close (issue 21 item 7): a national day of mourning, a holiday moved by the
 * state (movedFrom: the day it no longer falls on), for the central administration. A day with booked appointments
 * anywhere is refused, and they are listed with their municipality, to be moved first.
 */
export function NationalClosuresPage() {
  const { t, i18n } = useTranslation();
  const [closures, setClosures] = useState<NationalClosure[] | null>(null);
  const [day, setDay] = useState('');
  const [nameEl, setNameEl] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [movedFrom, setMovedFrom] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [stranded, setStranded] = useState<StrandedAppointment[]>([]);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  usePageTitle(t('national.title'));
  const nameOf = (c: NationalClosure) => (i18n.language === 'el' ? c.nameEl : c.nameEn ?? c.nameEl);

  const load = useCallback(() => {
    api<NationalClosure[]>(PATH).then(setClosures).catch((failure) => setErrors([{ message: problemText(failure) }]));
  }, []);
  useEffect(load, [load]);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const missing: FieldError[] = [];
    if (!day) missing.push({ id: 'national-day', message: t('national.errors.day') });
    if (!nameEl.trim()) missing.push({ id: 'national-nameEl', message: t('national.errors.name') });
    if (!nameEn.trim()) missing.push({ id: 'national-nameEn', message: t('national.errors.nameEn') });
    setErrors(missing);
    setStranded([]);
    setDone('');
    if (missing.length > 0) return;
    setBusy(true);
    try {
      await api(PATH, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ day, nameEl: nameEl.trim(), nameEn: nameEn.trim(), movedFrom: movedFrom || undefined }),
      });
      setDone(t('national.added', { name: nameEl.trim() }));
      setDay('');
      setNameEl('');
      setNameEn('');
      setMovedFrom('');
      load();
    } catch (failure) {
      const field = failure instanceof Problem ? failure.field ?? failure.violations[0]?.field : undefined;
      setErrors([{ id: field ? `national-${field}` : undefined, message: field
        ? `${t(`national.fields.${field}`, { defaultValue: field })}: ${problemText(failure)}` : problemText(failure) }]);
      setStranded(failure instanceof Problem ? failure.bookings : []);
    } finally {
      setBusy(false);
    }
  }

  async function withdraw(closure: NationalClosure) {
    setDone('');
    setStranded([]);
    try {
      await api(`${PATH}/${closure.id}`, { method: 'DELETE' });
      setErrors([]);
      setDone(t('national.withdrawn', { name: nameOf(closure) }));
      load();
    } catch (failure) {
      // a moved holiday withdrawn puts it back on its day, which may strand that day's appointments
      setErrors([{ message: problemText(failure) }]);
      setStranded(failure instanceof Problem ? failure.bookings : []);
    }
  }

  const errorOf = (id: string) => errors.find((e) => e.id === id)?.message;
  return (
    <div className="mydimos-full-width">
      <h1 className="govgr-heading-xl">{t('national.title')}</h1>
      <p className="govgr-body">{t('national.intro')}</p>
      <p className="govgr-body" role="status">{done}</p>
      {closures === null ? <p className="govgr-body" role="status">{t('loading')}</p>
        : closures.length === 0 ? <p className="govgr-body">{t('national.none')}</p> : (
          <table className="govgr-table govgr-table--dense govgr-table--stacked-m">
            <caption className="govgr-visually-hidden">{t('national.title')}</caption>
            <thead className="govgr-table__head"><tr className="govgr-table__row">
              {['day', 'name', 'movedFrom', 'actions'].map((c) => <th scope="col" className="govgr-table__header" key={c}>{t(`national.columns.${c}`)}</th>)}
            </tr></thead>
            <tbody className="govgr-table__body">
              {closures.map((c) => (
                <tr className="govgr-table__row" key={c.id}>
                  <td className="govgr-table__cell" data-label={t('national.columns.day')}>{c.day ? formatDate(c.day) : ''}</td>
                  <td className="govgr-table__cell" data-label={t('national.columns.name')}>{nameOf(c)}</td>
                  <td className="govgr-table__cell" data-label={t('national.columns.movedFrom')}>{c.movedFrom ? formatDate(c.movedFrom) : '—'}</td>
                  <td className="govgr-table__cell" data-label={t('national.columns.actions')}>
                    <Button variant="secondary" onClick={() => withdraw(c)}>{t('national.withdraw', { name: nameOf(c) })}</Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      <form onSubmit={add} noValidate aria-labelledby="national-new" className="govgr-grid-column-two-thirds">
        <h2 className="govgr-heading-l" id="national-new">{t('national.new')}</h2>
        <ErrorSummary title={t('errors.title')} errors={errors} />
        <Stranded appointments={stranded} title={t('national.stranded', { count: stranded.length })} closures={false} />
        <TextField id="national-day" type="date" label={t('national.fields.day')} value={day} error={errorOf('national-day')}
          onChange={(event) => setDay(event.target.value)} />
        <TextField id="national-nameEl" label={t('national.fields.nameEl')} value={nameEl} maxLength={200} error={errorOf('national-nameEl')}
          onChange={(event) => setNameEl(event.target.value)} />
        <TextField id="national-nameEn" label={t('national.fields.nameEn')} lang="en" value={nameEn} maxLength={200}
          error={errorOf('national-nameEn')} onChange={(event) => setNameEn(event.target.value)} />
        <TextField id="national-movedFrom" type="date" label={t('national.fields.movedFrom')} hint={t('national.movedFromHint')}
          value={movedFrom} error={errorOf('national-movedFrom')} onChange={(event) => setMovedFrom(event.target.value)} />
        <Button type="submit" aria-disabled={busy}>{t('national.add')}</Button>
      </form>
    </div>
  );
}

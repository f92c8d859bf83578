import { api, Problem, problemText, type AffectedBooking, type EmergencyClosure } from '@mydimos/api';
import {
  athensDateTime, athensToday, Button, ErrorSummary, type FieldError, formatDateTime, Radios, Select, TextField, usePageTitle,
} from '@mydimos/ui';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkplace } from '../workplace/Workplace';

type Scope = 'municipality' | 'unit' | 'employee';
type Handling = 'PROPOSE_NEW_TIMES' | 'CANCEL';

interface Form {
  scope: Scope;
  unitId: string;
  employeeId: string;
  startDay: string;
  startTime: string;
  endDay: string;
  endTime: string;
  reason: string;
  handling?: Handling;
  answerByDay: string;
  answerByTime: string;
}

/** Which input each field of the API's answer is about. */
const INPUT_OF: Record<string, string> = {
  unitId: 'closure-unit', employeeId: 'closure-employee', start: 'closure-start-day', end: 'closure-end-day',
  reason: 'closure-reason', handling: 'closure-handling', answerBy: 'closure-answer-day', municipality: 'closure-scope',
};

/**
 * Emergency closures (issue 21 item 4): a strike, a sick colleague or a broken building closes a unit, an employee's
 * time or the whole municipality for a period. The admin sees the bookings it strands first, then in one step either
 * proposes new times to all of them (with a deadline to answer) or cancels them all with the reason; below, each
 * closure with what became of every booking, who has answered and how.
 */
export function ClosuresPage() {
  const { t, i18n } = useTranslation();
  const { code, municipality, employees, serviceName, employeeName } = useWorkplace();
  const today = athensToday();
  const [form, setForm] = useState<Form>({
    scope: 'unit', unitId: '', employeeId: '', startDay: today, startTime: '08:00', endDay: today, endTime: '15:00',
    reason: '', answerByDay: '', answerByTime: '12:00',
  });
  const [affected, setAffected] = useState<AffectedBooking[] | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [closures, setClosures] = useState<EmergencyClosure[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const affectedHeading = useRef<HTMLHeadingElement>(null);
  const [handlingAgain, setHandlingAgain] = useState(false);
  const [handledAgain, setHandledAgain] = useState('');
  usePageTitle(t('closures.title'));
  // the list of affected bookings appears below the form: where the keyboard and the screen reader go next
  useEffect(() => {
    if (affected) affectedHeading.current?.focus();
  }, [affected]);
  const greek = i18n.language === 'el';

  const load = useCallback(() => {
    if (!code) return;
    api<EmergencyClosure[]>(`/api/bookings/closures?municipality=${encodeURIComponent(code)}`)
      .then((found) => (setClosures(found), setListError(null)))
      .catch((failure) => setListError(problemText(failure)));
  }, [code]);
  useEffect(load, [load]);

  /** Any change to what closes or when makes the list of affected bookings out of date. */
  function change(fields: Partial<Form>) {
    setForm({ ...form, ...fields });
    if ('scope' in fields || 'unitId' in fields || 'employeeId' in fields || Object.keys(fields).some((f) => f.startsWith('start') || f.startsWith('end'))) {
      setAffected(null);
    }
  }

  function period() {
    return {
      municipality: code!,
      unitId: form.scope === 'unit' ? form.unitId : undefined,
      employeeId: form.scope === 'employee' ? form.employeeId : undefined,
      start: athensDateTime(form.startDay, form.startTime),
      end: athensDateTime(form.endDay, form.endTime),
    };
  }

  /** Errors the page can tell before asking: what closes must be chosen, the dates and times filled in. */
  function missing(declaring: boolean): FieldError[] {
    const found: FieldError[] = [];
    if (form.scope === 'unit' && !form.unitId) found.push({ id: 'closure-unit', message: t('closures.errors.unit') });
    if (form.scope === 'employee' && !form.employeeId) found.push({ id: 'closure-employee', message: t('closures.errors.employee') });
    if (!form.startDay || !form.startTime) found.push({ id: 'closure-start-day', message: t('closures.errors.start') });
    if (!form.endDay || !form.endTime) found.push({ id: 'closure-end-day', message: t('closures.errors.end') });
    if (declaring) {
      if (!form.reason.trim()) found.push({ id: 'closure-reason', message: t('closures.errors.reason') });
      if (!form.handling && affected!.length > 0) found.push({ id: 'closure-handling', message: t('closures.errors.handling') });
      if (affected!.length > 0 && form.handling === 'PROPOSE_NEW_TIMES' && (!form.answerByDay || !form.answerByTime)) {
        found.push({ id: 'closure-answer-day', message: t('closures.errors.answerBy') });
      }
    }
    return found;
  }

  function failed(failure: unknown) {
    setErrors(failure instanceof Problem && failure.violations.length > 0
      ? failure.violations.map((v) => ({ id: INPUT_OF[v.field], message: `${t(`closures.fields.${v.field}`, { defaultValue: v.field })}: ${v.message}` }))
      : [{
        id: failure instanceof Problem && failure.field ? INPUT_OF[failure.field] : undefined,
        message: failure instanceof Problem && failure.field && INPUT_OF[failure.field]
          ? `${t(`closures.fields.${failure.field}`)}: ${problemText(failure)}` : problemText(failure),
      }]);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const declaring = affected !== null;
    const found = missing(declaring);
    setErrors(found);
    setDone('');
    if (found.length > 0) return;
    setBusy(true);
    try {
      if (!declaring) {
        setAffected(await api<AffectedBooking[]>('/api/bookings/closures/stranded', {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(period()),
        }));
      } else {
        const declared = await api<EmergencyClosure>('/api/bookings/closures', {
          method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            // with no booking in the period there is nothing to propose: the closure simply takes effect
            ...period(), reason: form.reason.trim(), handling: affected.length === 0 ? 'CANCEL' : form.handling,
            bookings: affected.map((b) => b.reference), // the ones shown: one booked since is refused, not swept in
            answerBy: affected.length > 0 && form.handling === 'PROPOSE_NEW_TIMES' ? athensDateTime(form.answerByDay, form.answerByTime) : undefined,
          }),
        });
        setAffected(null);
        setForm({ ...form, reason: '', handling: undefined });
        const count = (outcome: string) => declared.bookings.filter((b) => b.outcome === outcome).length;
        setDone([t('closures.declared'),
          count('AWAITING_ANSWER') > 0 ? t('closures.declaredProposed', { count: count('AWAITING_ANSWER') }) : '',
          count('CANCELLED') > 0 ? t('closures.declaredCancelled', { count: count('CANCELLED') }) : '',
          count('NOT_HANDLED') > 0 ? t('closures.declaredNotHandled', { count: count('NOT_HANDLED') }) : '',
        ].filter(Boolean).join(' '));
        load();
      }
    } catch (failure) {
      failed(failure);
    } finally {
      setBusy(false);
    }
  }

  async function handleAgain(id: string) {
    if (handlingAgain) return;
    setHandlingAgain(true);
    setHandledAgain('');
    try {
      await api(`/api/bookings/closures/${id}/handle`, { method: 'POST' });
      setHandledAgain(t('closures.handledAgain'));
      load();
    } catch (failure) {
      setListError(problemText(failure));
    } finally {
      setHandlingAgain(false);
    }
  }

  const units = municipality?.units ?? [];
  const unitName = (id?: string | null) => {
    const unit = units.find((u) => u.id === id);
    return unit ? (greek ? unit.nameEl : unit.nameEn) : id ?? '';
  };
  const what = (c: EmergencyClosure) => c.employeeId ? t('closures.whatEmployee', { name: employeeName(c.employeeId) })
    : c.unitId ? unitName(c.unitId) : t('closures.whatMunicipality');
  return (
    <div className="mydimos-full-width">
      <h1 className="govgr-heading-xl">{t('closures.title')}</h1>
      <p className="govgr-body">{t('closures.intro')}</p>
      <form onSubmit={submit} noValidate aria-labelledby="closure-new" className="govgr-grid-column-two-thirds">
        <h2 className="govgr-heading-l" id="closure-new">{t('closures.new')}</h2>
        <ErrorSummary title={t('errors.title')} errors={errors} />
        <Radios name="closure-scope" legend={t('closures.scope')} legendSize="s" value={form.scope}
          error={errors.find((e) => e.id === 'closure-scope')?.message}
          onChange={(scope) => change({ scope: scope as Scope })}
          options={[
            { value: 'unit', label: t('closures.scopeUnit') },
            { value: 'employee', label: t('closures.scopeEmployee') },
            { value: 'municipality', label: t('closures.scopeMunicipality') },
          ]} />
        {form.scope === 'unit' && (
          <Select id="closure-unit" empty={t('closures.choose')} label={t('closures.fields.unitId')} value={form.unitId}
            error={errors.find((e) => e.id === 'closure-unit')?.message} onChange={(unitId) => change({ unitId })}
            options={units.map((u) => ({ value: u.id, label: greek ? u.nameEl : u.nameEn }))} />
        )}
        {form.scope === 'employee' && (
          <Select id="closure-employee" empty={t('closures.choose')} label={t('closures.fields.employeeId')} value={form.employeeId}
            error={errors.find((e) => e.id === 'closure-employee')?.message} onChange={(employeeId) => change({ employeeId })}
            options={employees.map((e) => ({ value: e.id ?? '', label: `${e.displayName ?? e.id} (${unitName(e.unitId)})` }))} />
        )}
        <DateTime id="closure-start" legend={t('closures.fields.start')} day={form.startDay} time={form.startTime}
          error={errors.find((e) => e.id === 'closure-start-day')?.message}
          onChange={(day, time) => change({ startDay: day, startTime: time })} />
        <DateTime id="closure-end" legend={t('closures.fields.end')} day={form.endDay} time={form.endTime}
          error={errors.find((e) => e.id === 'closure-end-day')?.message}
          onChange={(day, time) => change({ endDay: day, endTime: time })} />
        {affected === null ? (
          <Button type="submit" variant="secondary" aria-disabled={busy}>{t('closures.check')}</Button>
        ) : (
          <>
            <h3 className="govgr-heading-m" id="closure-affected" tabIndex={-1} ref={affectedHeading}>
              {t('closures.affected', { count: affected.length })}
            </h3>
            {affected.length > 0 && (
              <table className="govgr-table govgr-table--dense govgr-table--stacked-m" aria-labelledby="closure-affected">
                <thead className="govgr-table__head">
                  <tr className="govgr-table__row">
                    <th scope="col" className="govgr-table__header">{t('closures.columns.time')}</th>
                    <th scope="col" className="govgr-table__header">{t('closures.columns.person')}</th>
                    <th scope="col" className="govgr-table__header">{t('closures.columns.service')}</th>
                    <th scope="col" className="govgr-table__header">{t('closures.columns.reference')}</th>
                  </tr>
                </thead>
                <tbody className="govgr-table__body">
                  {affected.map((b) => (
                    <tr className="govgr-table__row" key={b.reference}>
                      <td className="govgr-table__cell" data-label={t('closures.columns.time')}>{formatDateTime(b.start)}</td>
                      <td className="govgr-table__cell" data-label={t('closures.columns.person')}>{b.person ?? '—'}</td>
                      <td className="govgr-table__cell" data-label={t('closures.columns.service')}>{serviceName(b.service)}</td>
                      <td className="govgr-table__cell" data-label={t('closures.columns.reference')}>{b.reference}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <TextField id="closure-reason" label={t('closures.fields.reason')} hint={t('closures.reasonHint')} value={form.reason}
              maxLength={500} error={errors.find((e) => e.id === 'closure-reason')?.message}
              onChange={(event) => change({ reason: event.target.value })} />
            {affected.length > 0 && <Radios name="closure-handling" legend={t('closures.fields.handling')} legendSize="s" value={form.handling}
              error={errors.find((e) => e.id === 'closure-handling')?.message}
              onChange={(handling) => change({ handling: handling as Handling })}
              options={[
                { value: 'PROPOSE_NEW_TIMES', label: t('closures.propose'), hint: t('closures.proposeHint') },
                { value: 'CANCEL', label: t('closures.cancel'), hint: t('closures.cancelHint') },
              ]} />}
            {affected.length > 0 && form.handling === 'PROPOSE_NEW_TIMES' && (
              <DateTime id="closure-answer" legend={t('closures.fields.answerBy')} hint={t('closures.answerByHint')}
                day={form.answerByDay} time={form.answerByTime}
                error={errors.find((e) => e.id === 'closure-answer-day')?.message}
                onChange={(day, time) => change({ answerByDay: day, answerByTime: time })} />
            )}
            <Button type="submit" aria-disabled={busy}>
              {affected.length > 0 && form.handling === 'CANCEL' ? t('closures.declareCancel', { count: affected.length })
                : affected.length > 0 && form.handling === 'PROPOSE_NEW_TIMES' ? t('closures.declarePropose', { count: affected.length })
                  : t('closures.declare')}
            </Button>
          </>
        )}
        <p className="govgr-body" role="status">{done}</p>
      </form>

      <h2 className="govgr-heading-l">{t('closures.list')}</h2>
      <p className="govgr-body" role="status">{handledAgain}</p>
      {listError && <ErrorSummary title={t('errors.title')} errors={[{ message: listError }]} />}
      {closures === null ? <p className="govgr-body" role="status">{t('loading')}</p>
        : closures.length === 0 ? <p className="govgr-body">{t('closures.none')}</p>
          : closures.map((c) => (
            <section key={c.id} aria-labelledby={`closure-${c.id}`}>
              <h3 className="govgr-heading-m" id={`closure-${c.id}`}>
                {what(c)}: {formatDateTime(c.start)} – {formatDateTime(c.end)}
              </h3>
              {!c.inForce && <p className="govgr-body"><strong>{t('closures.notInForce')}</strong></p>}
              <p className="govgr-body">
                {t('closures.reasonWas', { reason: c.reason })}{' '}
                {c.bookings.length === 0 ? '' : c.handling === 'CANCEL' ? t('closures.handledCancel')
                  : t('closures.handledPropose', { deadline: c.answerBy ? formatDateTime(c.answerBy) : '' })}
              </p>
              {c.bookings.length === 0 ? <p className="govgr-body">{t('closures.noBookings')}</p> : (
                <table className="govgr-table govgr-table--dense govgr-table--stacked-m">
                  <caption className="govgr-table__caption govgr-visually-hidden">{t('closures.bookingsOf', { what: what(c) })}</caption>
                  <thead className="govgr-table__head">
                    <tr className="govgr-table__row">
                      <th scope="col" className="govgr-table__header">{t('closures.columns.reference')}</th>
                      <th scope="col" className="govgr-table__header">{t('closures.columns.person')}</th>
                      <th scope="col" className="govgr-table__header">{t('closures.columns.time')}</th>
                      <th scope="col" className="govgr-table__header">{t('closures.columns.outcome')}</th>
                      <th scope="col" className="govgr-table__header">{t('closures.columns.newTime')}</th>
                    </tr>
                  </thead>
                  <tbody className="govgr-table__body">
                    {c.bookings.map((b) => (
                      <tr className="govgr-table__row" key={b.reference}>
                        <td className="govgr-table__cell" data-label={t('closures.columns.reference')}><strong>{b.reference}</strong></td>
                        <td className="govgr-table__cell" data-label={t('closures.columns.person')}>{b.person ?? '—'}</td>
                        <td className="govgr-table__cell" data-label={t('closures.columns.time')}>{formatDateTime(b.originalStart)}</td>
                        <td className="govgr-table__cell" data-label={t('closures.columns.outcome')}>
                          {c.handling === 'PROPOSE_NEW_TIMES' && b.outcome === 'CANCELLED' ? t('closures.outcome.NO_FREE_TIME')
                            : t(`closures.outcome.${b.outcome}`)}
                          {b.answeredVia && <> ({t(`closures.via.${b.answeredVia}`)}{b.answeredAt && `, ${formatDateTime(b.answeredAt)}`})</>}
                          {b.outcome === 'AWAITING_ANSWER' && b.answerDue && <> ({t('closures.until', { time: formatDateTime(b.answerDue) })})</>}
                        </td>
                        <td className="govgr-table__cell" data-label={t('closures.columns.newTime')}>
                          {b.newStart && ['AWAITING_ANSWER', 'MOVED', 'RESCHEDULED_BY_PERSON'].includes(b.outcome)
                            ? formatDateTime(b.newStart) : '—'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {(!c.inForce || c.bookings.some((b) => b.outcome === 'NOT_HANDLED')) && (
                <Button type="button" variant="secondary" aria-disabled={handlingAgain} onClick={() => handleAgain(c.id)}>
                  {t('closures.handleAgain')}
                </Button>
              )}
            </section>
          ))}
    </div>
  );
}

/** A day and a time in Athens, as two inputs under one legend. */
function DateTime({ id, legend, hint, day, time, error, onChange }: {
  id: string; legend: string; hint?: string; day: string; time: string; error?: string;
  onChange: (day: string, time: string) => void;
}) {
  const { t } = useTranslation();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'govgr-field govgr-field__error' : 'govgr-field'}>
      <fieldset className="govgr-fieldset" aria-describedby={described}>
        <legend className="govgr-heading-s govgr-fieldset__legend">{legend}</legend>
        {hint && <p className="govgr-hint" id={`${id}-hint`}>{hint}</p>}
        {error && <p className="govgr-error-message" id={`${id}-error`}>{error}</p>}
        <div className="mydimos-inline-fields">
          <div className="govgr-field">
            <label className="govgr-label" htmlFor={`${id}-day`}>{t('closures.day')}</label>
            <input className="govgr-input" type="date" id={`${id}-day`} value={day} onChange={(event) => onChange(event.target.value, time)} />
          </div>
          <div className="govgr-field">
            <label className="govgr-label" htmlFor={`${id}-time`}>{t('closures.time')}</label>
            <input className="govgr-input" type="time" id={`${id}-time`} value={time} step={300}
              onChange={(event) => onChange(day, event.target.value)} />
          </div>
        </div>
      </fieldset>
    </div>
  );
}

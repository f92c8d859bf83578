import {
  api, Problem, problemText, type LocalHoliday, type Schedule, type ScheduleException, type ScheduleTemplate,
  type StrandedAppointment,
} from '@mydimos/api';
import { athensDateTime, Button, ErrorSummary, type FieldError, formatDate, formatDateTime, Radios, Select, TextField, usePageTitle } from '@mydimos/ui';
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Stranded } from '../Stranded';
import { useWorkplace } from '../workplace/Workplace';

const DAYS = [1, 2, 3, 4, 5, 6, 7];

/** What a form's failed call says: the fields named, and for a schedule change the appointments it would strand. */
interface Failure {
  errors: FieldError[];
  stranded: StrandedAppointment[];
}

const NONE: Failure = { errors: [], stranded: [] };

/**
 * A form's submission: nothing twice at once, the API's problem shown with its field, and for a change that would
 * strand booked appointments (AV-7) the list of them. done() runs once it has been saved.
 */
function useSubmission(prefix: string, fieldLabel: (field: string) => string, done: () => void) {
  const [failure, setFailure] = useState<Failure>(NONE);
  const [busy, setBusy] = useState(false);
  async function submit(call: () => Promise<unknown>) {
    if (busy) return;
    setBusy(true);
    try {
      await call();
      setFailure(NONE);
      done();
    } catch (problem) {
      const field = (f?: string) => (f ? `${prefix}-${f.replace(/\[\d+]$/, '').replace(/\[\d+]\..*$/, '')}` : undefined);
      setFailure({
        errors: problem instanceof Problem && problem.violations.length > 0
          ? problem.violations.map((v) => ({ id: field(v.field), message: `${fieldLabel(v.field)}: ${v.message}` }))
          : [{ id: problem instanceof Problem ? field(problem.field) : undefined,
            message: problem instanceof Problem && problem.field ? `${fieldLabel(problem.field)}: ${problemText(problem)}` : problemText(problem) }],
        stranded: problem instanceof Problem ? problem.bookings : [],
      });
    } finally {
      setBusy(false);
    }
  }
  return { failure, busy, submit, fail: (errors: FieldError[]) => setFailure({ errors, stranded: [] }) };
}

/**
 * The municipality's schedule on screen (issue 21 item 3, AV-1, AV-2, AV-7): weekly opening hours of units, services
 * and employees, work positions, closures and leave, local holidays and the booking window. A change that would
 * strand booked appointments is refused, and the appointments are listed — to move first, or to close through an
 * emergency closure that relocates them.
 */
export function SchedulesPage() {
  const { t, i18n } = useTranslation();
  const { code, municipality, services, serviceName, employees, employeeName } = useWorkplace();
  const [schedule, setSchedule] = useState<Schedule | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  usePageTitle(t('schedules.title'));
  const greek = i18n.language === 'el';
  const base = code ? `/api/availability/municipalities/${encodeURIComponent(code)}` : '';

  const load = useCallback(() => {
    if (!base) return;
    api<Schedule>(`${base}/schedule`).then((found) => (setSchedule(found), setError(null)))
      .catch((failure) => setError(problemText(failure)));
  }, [base]);
  useEffect(load, [load]);
  const changed = (message: string) => {
    setSaved(message);
    load();
  };

  const units = municipality?.units ?? [];
  const unitName = (id?: string | null) => {
    const unit = units.find((u) => u.id === id);
    return unit ? (greek ? unit.nameEl : unit.nameEn) : id ?? t('schedules.wholeMunicipality');
  };
  async function remove(path: string, what: string) {
    try {
      await api(`${base}/${path}`, { method: 'DELETE' });
      changed(t('schedules.removed', { what }));
    } catch (failure) {
      setError(problemText(failure));
    }
  }

  if (error && !schedule) return <ErrorSummary title={t('errors.title')} errors={[{ message: error }]} />;
  if (!schedule) return <p className="govgr-body" role="status">{t('loading')}</p>;
  const policy = (schedule.policies ?? []).find((p) => !p.serviceId);
  return (
    <div className="mydimos-full-width">
      <h1 className="govgr-heading-xl">{t('schedules.title')}</h1>
      <p className="govgr-body">{t('schedules.intro')} <Link className="govgr-link" to="/closures">{t('schedules.emergency')}</Link></p>
      <p className="govgr-body" role="status">{saved}</p>
      {error && <ErrorSummary title={t('errors.title')} errors={[{ message: error }]} />}

      <h2 className="govgr-heading-l">{t('schedules.hours')}</h2>
      <Table caption={t('schedules.hours')} columns={['scope', 'validity', 'week', 'actions'].map((c) => t(`schedules.columns.${c}`))}
        rows={(schedule.templates ?? []).map((template) => {
          const scope = scopeOf(template, unitName, serviceName, employeeName);
          return {
            key: String(template.id),
            cells: [scope, validity(template.validFrom, template.validUntil, t), week(template, t),
              template.declaredByRegistry ? t('schedules.declared')
                : <Button variant="secondary" onClick={() => remove(`templates/${template.id}`, scope)}>{t('schedules.remove', { what: scope })}</Button>],
          };
        })} />
      <TemplateForm base={base} units={units.map((u) => ({ value: u.id, label: greek ? u.nameEl : u.nameEn }))}
        services={services} employees={employees} onSaved={() => changed(t('schedules.savedHours'))} />

      <h2 className="govgr-heading-l">{t('schedules.positions')}</h2>
      <Table caption={t('schedules.positions')} columns={['unit', 'validity', 'count', 'actions'].map((c) => t(`schedules.columns.${c}`))}
        rows={(schedule.positions ?? []).map((p) => {
          const unit = unitName(p.unitId);
          return {
            key: String(p.id),
            cells: [unit, validity(p.validFrom, p.validUntil, t), String(p.positions ?? ''),
              <Button variant="secondary" onClick={() => remove(`positions/${p.id}`, t('schedules.positionsOf', { unit }))}>
                {t('schedules.remove', { what: t('schedules.positionsOf', { unit }) })}
              </Button>],
          };
        })} />
      <PositionsForm base={base} units={units.map((u) => ({ value: u.id, label: greek ? u.nameEl : u.nameEn }))}
        onSaved={() => changed(t('schedules.savedPositions'))} />

      <h2 className="govgr-heading-l">{t('schedules.exceptions')}</h2>
      <Table caption={t('schedules.exceptions')} columns={['what', 'period', 'reason', 'actions'].map((c) => t(`schedules.columns.${c}`))}
        rows={(schedule.exceptions ?? []).map((e: ScheduleException) => {
          const what = e.kind === 'LEAVE' ? t('schedules.leaveOf', { name: employeeName(e.employeeId ?? '') }) : unitName(e.unitId);
          return {
            key: String(e.id),
            cells: [what, `${formatDateTime(e.start!)} – ${formatDateTime(e.end!)}`, e.reason,
              <Button variant="secondary" onClick={() => remove(`exceptions/${e.id}`, what)}>{t('schedules.remove', { what })}</Button>],
          };
        })} />
      <ExceptionForm base={base} units={units.map((u) => ({ value: u.id, label: greek ? u.nameEl : u.nameEn }))}
        employees={employees.map((e) => ({ value: e.id ?? '', label: e.displayName ?? e.id ?? '' }))}
        onSaved={() => changed(t('schedules.savedException'))} />

      <h2 className="govgr-heading-l">{t('schedules.holidays')}</h2>
      <Table caption={t('schedules.holidays')} columns={['name', 'when', 'actions'].map((c) => t(`schedules.columns.${c}`))}
        rows={(schedule.localHolidays ?? []).map((h: LocalHoliday) => {
          const name = (greek ? h.nameEl : h.nameEn || h.nameEl) ?? '';
          return {
            key: String(h.id),
            cells: [name, h.easterOffset != null ? t('schedules.easterOffset', { count: h.easterOffset })
              : formatDate(`2001-${String(h.month).padStart(2, '0')}-${String(h.day).padStart(2, '0')}`).replace(/\s*2001$/, ''),
            <Button variant="secondary" onClick={() => remove(`local-holidays/${h.id}`, name)}>{t('schedules.remove', { what: name })}</Button>],
          };
        })} />
      <HolidayForm base={base} onSaved={() => changed(t('schedules.savedHoliday'))} />

      <h2 className="govgr-heading-l">{t('schedules.policy')}</h2>
      <PolicyForm base={base} id="policy" title={t('schedules.policy')} key={JSON.stringify(policy ?? {})}
        notice={policy?.minimumNoticeMinutes} horizon={policy?.horizonDays}
        choice={policy?.employeeChoiceAllowed ?? false} onSaved={() => changed(t('schedules.savedPolicy'))} />
      <h3 className="govgr-heading-m">{t('schedules.servicePolicies')}</h3>
      <Table caption={t('schedules.servicePolicies')} columns={['service', 'notice', 'horizon', 'actions'].map((c) => t(`schedules.columns.${c}`))}
        rows={(schedule.policies ?? []).filter((p) => p.serviceId).map((p) => {
          const name = serviceName(p.serviceId!);
          return {
            key: p.serviceId!,
            cells: [name, p.minimumNoticeMinutes != null ? t('schedules.hoursCount', { count: p.minimumNoticeMinutes / 60 }) : '—',
              p.horizonDays != null ? t('schedules.daysCount', { count: p.horizonDays }) : '—',
              <Button variant="secondary" onClick={() => remove(`services/${encodeURIComponent(p.serviceId!)}/policy`, t('schedules.windowOf', { name }))}>
                {t('schedules.remove', { what: t('schedules.windowOf', { name }) })}
              </Button>],
          };
        })} />
      <PolicyForm base={base} id="service-policy" title={t('schedules.newServicePolicy')}
        services={services.map((s) => ({ value: s.id, label: greek ? s.nameEl : s.nameEn }))}
        onSaved={() => changed(t('schedules.savedPolicy'))} />
    </div>
  );
}

function scopeOf(template: ScheduleTemplate, unitName: (id?: string | null) => string, serviceName: (id: string) => string,
  employeeName: (id: string) => string): string {
  const unit = unitName(template.unitId);
  if (template.employeeId) return `${unit}: ${employeeName(template.employeeId)}`;
  if (template.serviceId) return `${unit}: ${serviceName(template.serviceId)}`;
  return unit;
}

function validity(from: string | null | undefined, until: string | null | undefined, t: TFunction) {
  if (!from && !until) return t('schedules.always');
  return [from ? t('schedules.from', { date: formatDate(from) }) : '', until ? t('schedules.until', { date: formatDate(until) }) : '']
    .filter(Boolean).join(' ');
}

function week(template: ScheduleTemplate, t: TFunction) {
  return DAYS.map((day) => {
    const periods = (template.hours ?? []).filter((p) => p.day === day);
    return periods.length === 0 ? null : `${t(`schedules.days.${day}`)} ${periods.map((p) => `${p.opens}–${p.closes}`).join(', ')}`;
  }).filter(Boolean).join('· ');
}

function Table({ caption, columns, rows }: { caption: string; columns: string[]; rows: { key: string; cells: ReactNode[] }[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="govgr-body">{t('schedules.none')}</p>;
  return (
    <table className="govgr-table govgr-table--dense govgr-table--stacked-m">
      <caption className="govgr-visually-hidden">{caption}</caption>
      <thead className="govgr-table__head"><tr className="govgr-table__row">
        {columns.map((c) => <th scope="col" className="govgr-table__header" key={c}>{c}</th>)}
      </tr></thead>
      <tbody className="govgr-table__body">
        {rows.map((row) => (
          <tr className="govgr-table__row" key={row.key}>
            {row.cells.map((cell, i) => <td className="govgr-table__cell" data-label={columns[i]} key={columns[i]}>{cell}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TemplateForm({ base, units, services, employees, onSaved }: {
  base: string; units: { value: string; label: string }[]; services: { id: string; unitId: string; nameEl: string; nameEn: string }[];
  employees: { id?: string | null; unitId?: string | null; displayName?: string | null }[]; onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [unitId, setUnitId] = useState('');
  const [serviceId, setServiceId] = useState('');
  const [employeeId, setEmployeeId] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [hours, setHours] = useState<Record<number, { opens: string; closes: string }>>({});
  const { failure, busy, submit, fail } = useSubmission('template', (f) => t(`schedules.fields.${f.replace(/\[\d+].*$/, '')}`, { defaultValue: f }), () => {
    setHours({});
    onSaved();
  });
  async function save(event: FormEvent) {
    event.preventDefault();
    const periods = DAYS.filter((d) => hours[d]?.opens && hours[d]?.closes).map((d) => ({ day: d, ...hours[d] }));
    const missing: FieldError[] = [];
    if (!unitId) missing.push({ id: 'template-unitId', message: t('schedules.errors.unit') });
    if (periods.length === 0) missing.push({ id: 'template-hours', message: t('schedules.errors.hours') });
    if (missing.length > 0) return fail(missing);
    await submit(() => api(`${base}/templates`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ unitId, serviceId: serviceId || undefined, employeeId: employeeId || undefined,
        validFrom: validFrom || undefined, validUntil: validUntil || undefined, hours: periods }),
    }));
  }
  const greek = i18n.language === 'el';
  const errorOf = (id: string) => failure.errors.find((e) => e.id === id)?.message;
  return (
    <form onSubmit={save} noValidate aria-labelledby="template-title" className="govgr-grid-column-two-thirds">
      <h3 className="govgr-heading-m" id="template-title">{t('schedules.newHours')}</h3>
      <ErrorSummary title={t('errors.title')} errors={failure.errors} />
      <Stranded appointments={failure.stranded} />
      <Select id="template-unitId" empty={t('schedules.choose')} label={t('schedules.fields.unitId')} value={unitId} options={units} error={errorOf('template-unitId')}
        onChange={(v) => (setUnitId(v), setServiceId(''), setEmployeeId(''))} />
      {unitId && (
        <>
          <Select id="template-serviceId" label={t('schedules.fields.serviceId')} value={serviceId} empty={t('schedules.allServices')}
            options={services.filter((s) => s.unitId === unitId).map((s) => ({ value: s.id, label: greek ? s.nameEl : s.nameEn }))}
            error={errorOf('template-serviceId')} onChange={(v) => (setServiceId(v), setEmployeeId(''))} />
          <Select id="template-employeeId" label={t('schedules.fields.employeeId')} value={employeeId} empty={t('schedules.noEmployee')}
            options={employees.filter((e) => e.unitId === unitId).map((e) => ({ value: e.id ?? '', label: e.displayName ?? '' }))}
            error={errorOf('template-employeeId')} onChange={(v) => (setEmployeeId(v), setServiceId(''))} />
        </>
      )}
      <div className="mydimos-inline-fields">
        <TextField id="template-validFrom" type="date" label={t('schedules.fields.validFrom')} value={validFrom}
          error={errorOf('template-validFrom')} onChange={(event) => setValidFrom(event.target.value)} />
        <TextField id="template-validUntil" type="date" label={t('schedules.fields.validUntil')} value={validUntil}
          error={errorOf('template-validUntil')} onChange={(event) => setValidUntil(event.target.value)} />
      </div>
      <fieldset className="govgr-fieldset" aria-describedby={errorOf('template-hours') ? 'template-hours-error' : 'template-hours-hint'}>
        <legend className="govgr-heading-s govgr-fieldset__legend">{t('schedules.fields.hours')}</legend>
        <p className="govgr-hint" id="template-hours-hint">{t('schedules.hoursHint')}</p>
        {errorOf('template-hours') && <p className="govgr-error-message" id="template-hours-error">{errorOf('template-hours')}</p>}
        {DAYS.map((day) => (
          <div className="mydimos-inline-fields" key={day}>
            <TextField id={day === 1 ? 'template-hours' : `template-opens-${day}`} type="time" step={300}
              label={t('schedules.opensOn', { day: t(`schedules.days.${day}`) })} value={hours[day]?.opens ?? ''}
              onChange={(event) => setHours({ ...hours, [day]: { opens: event.target.value, closes: hours[day]?.closes ?? '' } })} />
            <TextField id={`template-closes-${day}`} type="time" step={300}
              label={t('schedules.closesOn', { day: t(`schedules.days.${day}`) })} value={hours[day]?.closes ?? ''}
              onChange={(event) => setHours({ ...hours, [day]: { opens: hours[day]?.opens ?? '', closes: event.target.value } })} />
          </div>
        ))}
      </fieldset>
      <Button type="submit" variant="secondary" aria-disabled={busy}>{t('schedules.addHours')}</Button>
    </form>
  );
}

function ExceptionForm({ base, units, employees, onSaved }: {
  base: string; units: { value: string; label: string }[]; employees: { value: string; label: string }[]; onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'CLOSURE' | 'LEAVE'>('CLOSURE');
  const [unitId, setUnitId] = useState('');
  const [employeeId, setEmployeeId] = useState('');
  const [from, setFrom] = useState({ day: '', time: '08:00' });
  const [until, setUntil] = useState({ day: '', time: '15:00' });
  const [reason, setReason] = useState('');
  const { failure, busy, submit, fail } = useSubmission('exception', (f) => t(`schedules.fields.${f}`, { defaultValue: f }), () => {
    setReason('');
    onSaved();
  });
  async function save(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (kind === 'LEAVE' && !employeeId) missing.push({ id: 'exception-employeeId', message: t('schedules.errors.employee') });
    if (!from.day) missing.push({ id: 'exception-start', message: t('schedules.errors.start') });
    if (!until.day) missing.push({ id: 'exception-end', message: t('schedules.errors.end') });
    if (!reason.trim()) missing.push({ id: 'exception-reason', message: t('schedules.errors.reason') });
    if (missing.length > 0) return fail(missing);
    await submit(() => api(`${base}/exceptions`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind, unitId: kind === 'CLOSURE' ? unitId || undefined : undefined,
        employeeId: kind === 'LEAVE' ? employeeId : undefined, start: athensDateTime(from.day, from.time),
        end: athensDateTime(until.day, until.time), reason: reason.trim() }),
    }));
  }
  const errorOf = (id: string) => failure.errors.find((e) => e.id === id)?.message;
  return (
    <form onSubmit={save} noValidate aria-labelledby="exception-title" className="govgr-grid-column-two-thirds">
      <h3 className="govgr-heading-m" id="exception-title">{t('schedules.newException')}</h3>
      <ErrorSummary title={t('errors.title')} errors={failure.errors} />
      <Stranded appointments={failure.stranded} />
      <Select id="exception-kind" empty={t('schedules.choose')} label={t('schedules.fields.kind')} value={kind}
        options={[{ value: 'CLOSURE', label: t('schedules.closure') }, { value: 'LEAVE', label: t('schedules.leave') }]}
        onChange={(v) => setKind((v || 'CLOSURE') as 'CLOSURE' | 'LEAVE')} />
      {kind === 'CLOSURE' ? (
        <Select id="exception-unitId" label={t('schedules.fields.unitId')} value={unitId} options={units}
          empty={t('schedules.wholeMunicipality')} error={errorOf('exception-unitId')} onChange={setUnitId} />
      ) : (
        <Select id="exception-employeeId" empty={t('schedules.choose')} label={t('schedules.fields.employeeId')} value={employeeId} options={employees}
          error={errorOf('exception-employeeId')} onChange={setEmployeeId} />
      )}
      <div className="mydimos-inline-fields">
        <TextField id="exception-start" type="date" label={t('schedules.fields.startDay')} value={from.day}
          error={errorOf('exception-start')} onChange={(event) => setFrom({ ...from, day: event.target.value })} />
        <TextField id="exception-start-time" type="time" step={300} label={t('schedules.fields.startTime')} value={from.time}
          onChange={(event) => setFrom({ ...from, time: event.target.value })} />
      </div>
      <div className="mydimos-inline-fields">
        <TextField id="exception-end" type="date" label={t('schedules.fields.endDay')} value={until.day}
          error={errorOf('exception-end')} onChange={(event) => setUntil({ ...until, day: event.target.value })} />
        <TextField id="exception-end-time" type="time" step={300} label={t('schedules.fields.endTime')} value={until.time}
          onChange={(event) => setUntil({ ...until, time: event.target.value })} />
      </div>
      <TextField id="exception-reason" label={t('schedules.fields.reason')} value={reason} maxLength={500}
        error={errorOf('exception-reason')} onChange={(event) => setReason(event.target.value)} />
      <Button type="submit" variant="secondary" aria-disabled={busy}>{t('schedules.addException')}</Button>
    </form>
  );
}

/** How many people a unit receives in person at once (its desks), for a period or from now on. */
function PositionsForm({ base, units, onSaved }: { base: string; units: { value: string; label: string }[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState('');
  const [positions, setPositions] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const { failure, busy, submit, fail } = useSubmission('positions', (f) => t(`schedules.fields.${f}`, { defaultValue: f }), () => {
    setPositions('');
    onSaved();
  });
  async function save(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!unitId) missing.push({ id: 'positions-unitId', message: t('schedules.errors.unit') });
    if (!/^[1-9]\d*$/.test(positions.trim())) missing.push({ id: 'positions-positions', message: t('schedules.errors.positions') });
    if (missing.length > 0) return fail(missing);
    await submit(() => api(`${base}/positions`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ unitId, positions: Number(positions.trim()), validFrom: validFrom || undefined, validUntil: validUntil || undefined }),
    }));
  }
  const errorOf = (id: string) => failure.errors.find((e) => e.id === id)?.message;
  return (
    <form onSubmit={save} noValidate aria-labelledby="positions-title" className="govgr-grid-column-two-thirds">
      <h3 className="govgr-heading-m" id="positions-title">{t('schedules.newPositions')}</h3>
      <ErrorSummary title={t('errors.title')} errors={failure.errors} />
      <Stranded appointments={failure.stranded} />
      <Select id="positions-unitId" empty={t('schedules.choose')} label={t('schedules.fields.unitId')} value={unitId} options={units}
        error={errorOf('positions-unitId')} onChange={setUnitId} />
      <TextField id="positions-positions" label={t('schedules.fields.positions')} inputMode="numeric" value={positions}
        error={errorOf('positions-positions')} onChange={(event) => setPositions(event.target.value)} />
      <div className="mydimos-inline-fields">
        <TextField id="positions-validFrom" type="date" label={t('schedules.fields.validFrom')} value={validFrom}
          error={errorOf('positions-validFrom')} onChange={(event) => setValidFrom(event.target.value)} />
        <TextField id="positions-validUntil" type="date" label={t('schedules.fields.validUntil')} value={validUntil}
          error={errorOf('positions-validUntil')} onChange={(event) => setValidUntil(event.target.value)} />
      </div>
      <Button type="submit" variant="secondary" aria-disabled={busy}>{t('schedules.addPositions')}</Button>
    </form>
  );
}

function HolidayForm({ base, onSaved }: { base: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [movable, setMovable] = useState(false);
  const [offset, setOffset] = useState('');
  const [nameEl, setNameEl] = useState('');
  const [nameEn, setNameEn] = useState('');
  const { failure, busy, submit, fail } = useSubmission('holiday', (f) => t(`schedules.fields.${f}`, { defaultValue: f }), () => {
    setDate('');
    setOffset('');
    setNameEl('');
    setNameEn('');
    onSaved();
  });
  async function save(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!movable && !date) missing.push({ id: 'holiday-day', message: t('schedules.errors.date') });
    if (movable && !/^[-−]?\d+$/.test(offset.trim())) missing.push({ id: 'holiday-easterOffset', message: t('schedules.errors.easterOffset') });
    if (!nameEl.trim()) missing.push({ id: 'holiday-nameEl', message: t('schedules.errors.name') });
    if (missing.length > 0) return fail(missing);
    // the day of the year it falls on every year, or its distance from Orthodox Easter Sunday (a movable feast)
    const when = movable ? { easterOffset: Number(offset.trim().replace('−', '-')) }
      : { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
    await submit(() => api(`${base}/local-holidays`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...when, nameEl: nameEl.trim(), nameEn: nameEn.trim() || undefined }),
    }));
  }
  const errorOf = (id: string) => failure.errors.find((e) => e.id === id)?.message;
  return (
    <form onSubmit={save} noValidate aria-labelledby="holiday-title" className="govgr-grid-column-two-thirds">
      <h3 className="govgr-heading-m" id="holiday-title">{t('schedules.newHoliday')}</h3>
      <ErrorSummary title={t('errors.title')} errors={failure.errors} />
      <Stranded appointments={failure.stranded} />
      <Radios name="holiday-kind" legend={t('schedules.fields.holidayKind')} value={movable ? 'easter' : 'date'}
        onChange={(value) => setMovable(value === 'easter')}
        options={[{ value: 'date', label: t('schedules.holidayFixed') }, { value: 'easter', label: t('schedules.holidayMovable') }]} />
      {movable ? (
        <TextField id="holiday-easterOffset" label={t('schedules.fields.easterOffset')} hint={t('schedules.easterHint')} inputMode="numeric"
          value={offset} error={errorOf('holiday-easterOffset')} onChange={(event) => setOffset(event.target.value)} />
      ) : (
        <TextField id="holiday-day" type="date" label={t('schedules.fields.holidayDate')} hint={t('schedules.holidayHint')} value={date}
          error={errorOf('holiday-day')} onChange={(event) => setDate(event.target.value)} />
      )}
      <TextField id="holiday-nameEl" label={t('schedules.fields.nameEl')} value={nameEl} error={errorOf('holiday-nameEl')}
        onChange={(event) => setNameEl(event.target.value)} />
      <TextField id="holiday-nameEn" label={t('schedules.fields.nameEn')} lang="en" value={nameEn} error={errorOf('holiday-nameEn')}
        onChange={(event) => setNameEn(event.target.value)} />
      <Button type="submit" variant="secondary" aria-disabled={busy}>{t('schedules.addHoliday')}</Button>
    </form>
  );
}

/**
 * The booking window of the municipality, or of one service (which overrides it). serviceId: that service's, chosen
 * from services; without services, the municipality's, with whether people may choose the employee.
 */
function PolicyForm({ base, id, title, notice, horizon, choice, services, onSaved }: {
  base: string; id: string; title: string; notice?: number | null; horizon?: number | null; choice?: boolean;
  services?: { value: string; label: string }[]; onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [serviceId, setServiceId] = useState('');
  const [hours, setHours] = useState(notice != null ? String(notice / 60) : '');
  const [days, setDays] = useState(horizon != null ? String(horizon) : '');
  const [allowed, setAllowed] = useState(!!choice);
  const { failure, busy, submit, fail } = useSubmission(id, (f) => t(`schedules.fields.${f}`, { defaultValue: f }), () => {
    if (services) {
      setServiceId('');
      setHours('');
      setDays('');
    }
    onSaved();
  });
  async function save(event: FormEvent) {
    event.preventDefault();
    if (services && !serviceId) return fail([{ id: `${id}-serviceId`, message: t('schedules.errors.service') }]);
    const number = (value: string) => (value.trim() === '' ? undefined : Number(value.trim().replace(',', '.')));
    const minutes = number(hours);
    await submit(() => api(services ? `${base}/services/${encodeURIComponent(serviceId)}/policy` : `${base}/policy`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ minimumNoticeMinutes: minutes === undefined ? undefined : Math.round(minutes * 60),
        horizonDays: number(days), employeeChoiceAllowed: services ? undefined : allowed }),
    }));
  }
  const errorOf = (input: string) => failure.errors.find((e) => e.id === input)?.message;
  return (
    <form onSubmit={save} noValidate aria-labelledby={`${id}-title`} className="govgr-grid-column-two-thirds">
      <h3 className={services ? 'govgr-heading-m' : 'govgr-heading-m govgr-visually-hidden'} id={`${id}-title`}>{title}</h3>
      <ErrorSummary title={t('errors.title')} errors={failure.errors} />
      {services && (
        <Select id={`${id}-serviceId`} label={t('schedules.fields.serviceId')} empty={t('schedules.choose')} value={serviceId}
          options={services} error={errorOf(`${id}-serviceId`)} onChange={setServiceId} />
      )}
      <TextField id={`${id}-minimumNoticeMinutes`} label={t('schedules.fields.noticeHours')} hint={t('schedules.noticeHint')}
        inputMode="decimal" value={hours} error={errorOf(`${id}-minimumNoticeMinutes`)} onChange={(event) => setHours(event.target.value)} />
      <TextField id={`${id}-horizonDays`} label={t('schedules.fields.horizonDays')} hint={t('schedules.horizonHint')}
        inputMode="numeric" value={days} error={errorOf(`${id}-horizonDays`)} onChange={(event) => setDays(event.target.value)} />
      {!services && <div className="govgr-field">
        <div className="govgr-checkboxes">
          <div className="govgr-checkboxes__item">
            <label className="govgr-label govgr-checkboxes__label">
              {t('schedules.fields.employeeChoiceAllowed')}
              <input className="govgr-checkboxes__input" type="checkbox" id="policy-employeeChoiceAllowed" checked={allowed}
                onChange={(event) => setAllowed(event.target.checked)} />
            </label>
          </div>
        </div>
      </div>}
      <Button type="submit" variant="secondary" aria-disabled={busy}>{services ? t('schedules.saveServicePolicy') : t('schedules.savePolicy')}</Button>
    </form>
  );
}

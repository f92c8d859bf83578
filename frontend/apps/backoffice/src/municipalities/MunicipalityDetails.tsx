import { api, Problem, problemText, type Municipality } from '@mydimos/api';
import { Button, Checkbox, ErrorSummary, type FieldError, TextField, usePageTitle } from '@mydimos/ui';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkplace } from '../workplace/Workplace';

type Fields = Record<string, string>;

/**
 * The municipality's own details, kept current by its admin (issue 21, REG-1): how to reach it and each unit, and a
 * unit's opening hours in words in Greek and English — as the portal shows them, at once.
 */
export function MunicipalityDetails() {
  const { t, i18n } = useTranslation();
  const { code, refresh } = useWorkplace();
  const [municipality, setMunicipality] = useState<Municipality | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(t('details.title'));
  const greek = i18n.language === 'el';

  const load = useCallback(() => {
    if (!code) return;
    api<Municipality>(`/api/registry/municipalities/${encodeURIComponent(code)}`).then(setMunicipality)
      .catch((failure) => setError(problemText(failure)));
  }, [code]);
  useEffect(load, [load]);

  if (error) return <ErrorSummary title={t('errors.title')} errors={[{ message: error }]} />;
  if (!municipality) return <p className="govgr-body" role="status">{t('loading')}</p>;
  const path = `/api/registry/municipalities/${encodeURIComponent(municipality.code)}`;
  return (
    <div className="govgr-grid-column-two-thirds">
      <span className="govgr-caption-l">{greek ? municipality.nameEl : municipality.nameEn}</span>
      <h1 className="govgr-heading-xl">{t('details.title')}</h1>
      <p className="govgr-body">{t('details.intro')}</p>
      <DetailsForm id="municipality" title={t('details.contact')} path={`${path}/contact`}
        initial={{ address: municipality.address ?? '', phones: (municipality.phones ?? []).join(', '), email: municipality.email ?? '' }} />
      <Ways path={`${path}/modes`} initial={municipality} onSaved={refresh} />
      <PostalAreas path={`${path}/postal-areas`} />
      <NewUnit path={`${path}/units`} onAdded={() => (load(), refresh())} />
      {municipality.units.map((unit) => (
        // "unit-" keeps a unit's inputs apart from the page's other forms whatever its id
        <DetailsForm key={unit.id} id={`unit-${unit.id}`} title={greek ? unit.nameEl : unit.nameEn}
          path={`${path}/units/${encodeURIComponent(unit.id)}`}
          initial={{ address: unit.address ?? '', phones: (unit.phones ?? []).join(', '), email: unit.email ?? '',
            hoursEl: unit.hoursEl ?? '', hoursEn: unit.hoursEn ?? '' }} />
      ))}
    </div>
  );
}

/** One set of details saved on its own; phones as the admin types them, separated by commas. */
function DetailsForm({ id, title, path, initial }: { id: string; title: string; path: string; initial: Fields }) {
  const { t } = useTranslation();
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const input = (field: string) => `${id}-${field}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setSaved('');
    const body = { ...fields, phones: fields.phones.split(',').map((p) => p.trim()).filter(Boolean) };
    try {
      await api(path, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      setErrors([]);
      setSaved(t('details.saved', { title }));
    } catch (failure) {
      // "phones[1]" is about the phones input
      const inputOf = (field?: string) => (field ? input(field.replace(/\[\d+]$/, '')) : undefined);
      setErrors(failure instanceof Problem && failure.violations.length > 0
        ? failure.violations.map((v) => ({ id: inputOf(v.field), message: `${t(`details.fields.${v.field.replace(/\[\d+]$/, '')}`)}: ${v.message}` }))
        : [{ id: failure instanceof Problem ? inputOf(failure.field) : undefined, message: problemText(failure) }]);
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (field: string) => errors.find((e) => e.id === input(field))?.message;
  return (
    <form onSubmit={save} noValidate aria-labelledby={`${id}-title`}>
      <h2 className="govgr-heading-m" id={`${id}-title`}>{title}</h2>
      <ErrorSummary title={t('errors.title')} errors={errors} />
      {Object.keys(initial).map((field) => (
        <TextField key={field} id={input(field)} label={t(`details.fields.${field}`)}
          hint={field === 'phones' ? t('details.phonesHint') : field.startsWith('hours') ? t('details.hoursHint') : undefined}
          type={field === 'email' ? 'email' : 'text'} value={fields[field]} autoComplete="off"
          lang={field === 'hoursEn' ? 'en' : undefined}
          onChange={(event) => setFields({ ...fields, [field]: event.target.value })} error={errorOf(field)} />
      ))}
      <Button type="submit" variant="secondary" aria-disabled={busy}>{t('details.save', { title })}</Button>
      <p className="govgr-body" role="status">{saved}</p>
    </form>
  );
}

/**
 * The postal codes the municipality is competent for (REG-7): whoever lives there finds it by their postal code in the
 * portal. A code another municipality serves is refused, named; a code kept keeps the unit it was assigned to.
 */
function PostalAreas({ path }: { path: string }) {
  const { t } = useTranslation();
  const [areas, setAreas] = useState<{ postalCode: string; unitId?: string | null }[] | null>(null);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ postalCode: string; unitId?: string | null }[]>(path)
      .then((found) => (setAreas(found), setText(found.map((a) => a.postalCode).join(', '))))
      .catch((failure) => setErrors([{ message: problemText(failure) }]));
  }, [path]);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy || !areas) return;
    const codes = [...new Set(text.split(/[\s,;]+/).map((c) => c.trim()).filter(Boolean))];
    setBusy(true);
    setSaved('');
    try {
      await api(path, {
        method: 'PUT', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(codes.map((postalCode) => ({ postalCode, unitId: areas.find((a) => a.postalCode === postalCode)?.unitId }))),
      });
      setAreas(codes.map((postalCode) => ({ postalCode, unitId: areas.find((a) => a.postalCode === postalCode)?.unitId })));
      setErrors([]);
      setSaved(t('details.postalSaved', { count: codes.length }));
    } catch (failure) {
      const which = failure instanceof Problem ? (failure.field ?? failure.violations[0]?.field)?.match(/^\[(\d+)]/)?.[1] : undefined;
      setErrors([{ id: 'postal-areas', message: which !== undefined
        ? `${codes[Number(which)]}: ${failure instanceof Problem && failure.violations[0] ? failure.violations[0].message : problemText(failure)}`
        : problemText(failure) }]);
    } finally {
      setBusy(false);
    }
  }

  const error = errors.find((e) => e.id === 'postal-areas')?.message;
  return (
    <form onSubmit={save} noValidate aria-labelledby="postal-areas-title">
      <h2 className="govgr-heading-m" id="postal-areas-title">{t('details.postalTitle')}</h2>
      <ErrorSummary title={t('errors.title')} errors={errors} />
      <div className={error ? 'govgr-field govgr-field__error' : 'govgr-field'}>
        <label className="govgr-label" htmlFor="postal-areas">{t('details.postalCodes')}</label>
        <p className="govgr-hint" id="postal-areas-hint">{t('details.postalHint')}</p>
        {error && <p className="govgr-error-message" id="postal-areas-error">{error}</p>}
        <textarea className="govgr-textarea" id="postal-areas" rows={4} value={text} disabled={!areas}
          aria-describedby={error ? 'postal-areas-hint postal-areas-error' : 'postal-areas-hint'}
          onChange={(event) => setText(event.target.value)} />
      </div>
      <Button type="submit" variant="secondary" aria-disabled={busy}>{t('details.postalSave')}</Button>
      <p className="govgr-body" role="status">{saved}</p>
    </form>
  );
}

const MODES = ['IN_PERSON', 'PHONE', 'VIDEO'] as const;

/**
 * The ways the municipality serves people, and whether a third person may join its video calls (REG-1, seed 004
 * Art.2§12). A way one of its services still offers is not taken away: the API names the services.
 */
function Ways({ path, initial, onSaved }: { path: string; initial: Municipality; onSaved: () => void }) {
  const { t } = useTranslation();
  const [modes, setModes] = useState<string[]>(initial.modes ?? []);
  const [thirdParty, setThirdParty] = useState(!!initial.thirdPartyVideoAllowed);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setSaved('');
    if (modes.length === 0) return setErrors([{ id: 'ways-IN_PERSON', message: t('details.waysRequired') }]);
    setBusy(true);
    try {
      const thirdPartyVideoAllowed = thirdParty && modes.includes('VIDEO');
      await api(path, { method: 'PUT', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ modes: MODES.filter((m) => modes.includes(m)), thirdPartyVideoAllowed }) });
      setErrors([]);
      setSaved(t('details.waysSaved'));
      onSaved();
    } catch (failure) {
      const field = failure instanceof Problem ? failure.field ?? failure.violations[0]?.field : undefined;
      setErrors([{ id: field === 'thirdPartyVideoAllowed' ? 'ways-thirdParty' : field ? 'ways-IN_PERSON' : undefined,
        message: failure instanceof Problem && failure.violations[0] ? failure.violations[0].message : problemText(failure) }]);
    } finally {
      setBusy(false);
    }
  }

  const toggle = (mode: string, on: boolean) => setModes(on ? [...modes, mode] : modes.filter((m) => m !== mode));
  const errorOf = (input: string) => errors.find((e) => e.id === input)?.message;
  return (
    <form onSubmit={save} noValidate aria-labelledby="ways-title">
      <h2 className="govgr-heading-m" id="ways-title">{t('details.ways')}</h2>
      <ErrorSummary title={t('errors.title')} errors={errors} />
      <fieldset className="govgr-fieldset" aria-describedby="ways-hint">
        <legend className="govgr-heading-s govgr-fieldset__legend">{t('details.waysLegend')}</legend>
        <p className="govgr-hint" id="ways-hint">{t('details.waysHint')}</p>
        {MODES.map((mode) => (
          <Checkbox key={mode} id={`ways-${mode}`} label={t(`mode.${mode}`)} checked={modes.includes(mode)}
            error={mode === 'IN_PERSON' ? errorOf('ways-IN_PERSON') : undefined} onChange={(on) => toggle(mode, on)} />
        ))}
      </fieldset>
      {modes.includes('VIDEO') && (
        <Checkbox id="ways-thirdParty" label={t('details.thirdParty')} hint={t('details.thirdPartyHint')} checked={thirdParty}
          error={errorOf('ways-thirdParty')} onChange={setThirdParty} />
      )}
      <Button type="submit" variant="secondary" aria-disabled={busy}>{t('details.waysSave')}</Button>
      <p className="govgr-body" role="status">{saved}</p>
    </form>
  );
}

const DAYS = [1, 2, 3, 4, 5, 6, 7];

/**
 * A new unit (department) of the municipality with its weekly hours (issue 21 item 1): availability takes the hours
 * from the registry's event, and the unit can then be given services and staff.
 */
function NewUnit({ path, onAdded }: { path: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [id, setId] = useState('');
  const [nameEl, setNameEl] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [hours, setHours] = useState<Record<number, { opens: string; closes: string }>>({});
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);

  async function add(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const periods = DAYS.filter((d) => hours[d]?.opens && hours[d]?.closes).map((day) => ({ day, ...hours[day] }));
    // a day with one of its two times is not dropped silently
    const halfDays: FieldError[] = DAYS.filter((day) => !hours[day]?.opens !== !hours[day]?.closes).map((day) => ({
      id: `unit-${hours[day]?.opens ? 'closes' : 'opens'}-${day}`,
      message: t(hours[day]?.opens ? 'details.unitErrors.closes' : 'details.unitErrors.opens', { day: t(`details.days.${day}`) }),
    }));
    const missing: FieldError[] = [];
    if (!id.trim()) missing.push({ id: 'unit-id', message: t('details.unitErrors.id') });
    if (!nameEl.trim()) missing.push({ id: 'unit-nameEl', message: t('details.unitErrors.nameEl') });
    if (!nameEn.trim()) missing.push({ id: 'unit-nameEn', message: t('details.unitErrors.nameEn') });
    if (halfDays.length > 0) missing.push(...halfDays);
    else if (periods.length === 0) missing.push({ id: 'unit-opens-1', message: t('details.unitErrors.hours') });
    setErrors(missing);
    setSaved('');
    if (missing.length > 0) return;
    setBusy(true);
    try {
      await api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: id.trim(), nameEl: nameEl.trim(), nameEn: nameEn.trim(), phones: [], hours: periods }) });
      setSaved(t('details.unitAdded', { name: nameEl.trim() }));
      setId('');
      setNameEl('');
      setNameEn('');
      setHours({});
      onAdded();
    } catch (failure) {
      const field = failure instanceof Problem ? failure.field ?? failure.violations[0]?.field : undefined;
      // "hours[1].closes" is about the second day sent
      const hour = field?.match(/^hours\[(\d+)]\.?(opens|closes)?/);
      const input = hour ? `unit-${hour[2] ?? 'opens'}-${periods[Number(hour[1])]?.day ?? 1}` : field ? `unit-${field}` : undefined;
      setErrors([{ id: input, message: failure instanceof Problem && failure.violations[0]
        ? `${t(`details.unitFields.${field?.replace(/\[\d+].*$/, '')}`, { defaultValue: field })}: ${failure.violations[0].message}` : problemText(failure) }]);
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (input: string) => errors.find((e) => e.id === input)?.message;
  return (
    <form onSubmit={add} noValidate aria-labelledby="unit-new-title">
      <h2 className="govgr-heading-m" id="unit-new-title">{t('details.newUnit')}</h2>
      <ErrorSummary title={t('errors.title')} errors={errors} />
      <TextField id="unit-nameEl" label={t('details.unitFields.nameEl')} value={nameEl} error={errorOf('unit-nameEl')}
        onChange={(event) => setNameEl(event.target.value)} />
      <TextField id="unit-nameEn" label={t('details.unitFields.nameEn')} lang="en" value={nameEn} error={errorOf('unit-nameEn')}
        onChange={(event) => setNameEn(event.target.value)} />
      <TextField id="unit-id" label={t('details.unitFields.id')} hint={t('details.unitIdHint')} value={id} autoComplete="off"
        error={errorOf('unit-id')} onChange={(event) => setId(event.target.value)} />
      <fieldset className="govgr-fieldset" aria-describedby="unit-hours-hint">
        <legend className="govgr-heading-s govgr-fieldset__legend">{t('details.unitFields.hours')}</legend>
        <p className="govgr-hint" id="unit-hours-hint">{t('details.unitHoursHint')}</p>
        {DAYS.map((day) => (
          <div className="mydimos-inline-fields" key={day}>
            <TextField id={`unit-opens-${day}`} type="time" step={300} error={errorOf(`unit-opens-${day}`)}
              label={t('details.opensOn', { day: t(`details.days.${day}`) })} value={hours[day]?.opens ?? ''}
              onChange={(event) => setHours({ ...hours, [day]: { opens: event.target.value, closes: hours[day]?.closes ?? '' } })} />
            <TextField id={`unit-closes-${day}`} type="time" step={300} error={errorOf(`unit-closes-${day}`)}
              label={t('details.closesOn', { day: t(`details.days.${day}`) })} value={hours[day]?.closes ?? ''}
              onChange={(event) => setHours({ ...hours, [day]: { opens: hours[day]?.opens ?? '', closes: event.target.value } })} />
          </div>
        ))}
      </fieldset>
      <Button type="submit" variant="secondary" aria-disabled={busy}>{t('details.addUnit')}</Button>
      <p className="govgr-body" role="status">{saved}</p>
    </form>
  );
}

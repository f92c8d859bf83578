import { api, Problem, problemText, type ServiceTerms, type StrandedAppointment } from '@mydimos/api';
import { Button, Checkbox, ErrorSummary, type FieldError, Select, TextField, usePageTitle } from '@mydimos/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Stranded } from '../Stranded';
import { useWorkplace } from '../workplace/Workplace';

type Mode = 'IN_PERSON' | 'PHONE' | 'VIDEO';

interface DocumentRow { nameEl: string; nameEn: string; exOfficio: boolean; certificate?: string | null }
interface FeeRow { descriptionEl: string; descriptionEn: string; amountEuro: string }

/**
 * The municipality's catalogue (issue 21 item 1, REG-4): each service with its unit, ways of being served and how
 * long each takes, the pause after each appointment, what to bring (and what the office retrieves itself) and the
 * fees. A change is published as it is saved, so that slot search and the portal follow at once.
 */
export function ServicesPage() {
  const { t, i18n } = useTranslation();
  const { code, municipality } = useWorkplace();
  const done = (useLocation().state as { done?: string } | null)?.done;
  const doneMessage = useRef<HTMLParagraphElement>(null);
  const [services, setServices] = useState<ServiceTerms[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(t('services.title'));
  const greek = i18n.language === 'el';

  useEffect(() => {
    if (!code) return;
    api<ServiceTerms[]>(`/api/registry/municipalities/${encodeURIComponent(code)}/services`).then(setServices)
      .catch((failure) => setError(problemText(failure)));
  }, [code]);
  useEffect(() => {
    if (done) doneMessage.current?.focus();
  }, [done]);

  const unitName = (id: string) => {
    const unit = municipality?.units.find((u) => u.id === id);
    return unit ? (greek ? unit.nameEl : unit.nameEn) : id;
  };
  return (
    <div className="mydimos-full-width">
      <h1 className="govgr-heading-xl">{t('services.title')}</h1>
      <p className="govgr-body">{t('services.intro')}</p>
      {done && <p className="govgr-body mydimos-done" tabIndex={-1} ref={doneMessage}>{done}</p>}
      {error && <ErrorSummary title={t('errors.title')} errors={[{ message: error }]} />}
      <p className="govgr-body"><Link className="govgr-btn govgr-btn-secondary" to="new">{t('services.add')}</Link></p>
      {services === null ? (!error && <p className="govgr-body" role="status">{t('loading')}</p>) : (
        <table className="govgr-table govgr-table--dense govgr-table--stacked-m">
          <caption className="govgr-table__caption govgr-table__caption--s">{t('services.count', { count: services.length })}</caption>
          <thead className="govgr-table__head"><tr className="govgr-table__row">
            {['name', 'unit', 'modes', 'actions'].map((c) => <th scope="col" className="govgr-table__header" key={c}>{t(`services.columns.${c}`)}</th>)}
          </tr></thead>
          <tbody className="govgr-table__body">
            {services.map((s) => {
              const name = greek ? s.nameEl : s.nameEn;
              return (
                <tr className="govgr-table__row" key={s.id}>
                  <td className="govgr-table__cell" data-label={t('services.columns.name')}><strong>{name}</strong></td>
                  <td className="govgr-table__cell" data-label={t('services.columns.unit')}>{unitName(s.unitId)}</td>
                  <td className="govgr-table__cell" data-label={t('services.columns.modes')}>
                    {s.modes.map((m) => t('services.modeTakes', { mode: t(`mode.${m.mode}`), minutes: m.durationMinutes })).join(', ')}
                  </td>
                  <td className="govgr-table__cell" data-label={t('services.columns.actions')}>
                    <Link className="govgr-link" to={encodeURIComponent(s.id)}>{t('services.change', { name })}</Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** One service, added or changed; every bad field is named by the API and shown by its input. */
export function ServiceEditor() {
  const { id = 'new' } = useParams();
  const adding = id === 'new';
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { code, municipality, refresh } = useWorkplace();
  const offered = (municipality?.modes ?? []) as Mode[];
  const [serviceId, setServiceId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [nameEl, setNameEl] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [durations, setDurations] = useState<Partial<Record<Mode, string>>>({});
  const [buffer, setBuffer] = useState('0');
  const [documents, setDocuments] = useState<DocumentRow[]>([]);
  const [fees, setFees] = useState<FeeRow[]>([]);
  const [loaded, setLoaded] = useState(adding);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [stranded, setStranded] = useState<StrandedAppointment[]>([]);
  const [busy, setBusy] = useState(false);
  const greek = i18n.language === 'el';
  const path = `/api/registry/municipalities/${encodeURIComponent(code ?? '')}/services`;
  const title = adding ? t('services.new') : loaded ? t('services.editTitle', { name: greek ? nameEl : nameEn }) : t('services.edit');
  usePageTitle(`${errors.length > 0 ? `${t('errors.title')}: ` : ''}${title}`);

  useEffect(() => {
    if (adding || !code) return;
    api<ServiceTerms[]>(path).then((all) => {
      const s = all.find((x) => x.id === id);
      if (!s) return setErrors([{ message: t('services.notFound') }]);
      setServiceId(s.id);
      setUnitId(s.unitId);
      setNameEl(s.nameEl);
      setNameEn(s.nameEn);
      setDurations(Object.fromEntries(s.modes.map((m) => [m.mode, String(m.durationMinutes)])));
      setBuffer(String(s.bufferMinutes));
      setDocuments((s.documents ?? []).map((d) => ({ nameEl: d.nameEl, nameEn: d.nameEn, exOfficio: d.exOfficio, certificate: d.certificate })));
      setFees((s.fees ?? []).map((f) => ({ descriptionEl: f.descriptionEl, descriptionEn: f.descriptionEn, amountEuro: String(f.amountEuro ?? '') })));
      setLoaded(true);
    }).catch((failure) => setErrors([{ message: problemText(failure) }]));
    // read once: a change of language keeps what is typed (t is left out on purpose)
  }, [adding, code, id, path]);

  // "documents[1].nameEn" and the like are about the inputs of that row; "modes[1]…" about the second mode sent
  const inputOf = (field: string | undefined, sent: Mode[]) => {
    const mode = field?.match(/^modes(?:\[(\d+)])?/);
    if (mode) return modeInput(mode[1] === undefined ? offered[0] : sent[Number(mode[1])]);
    return field?.replace(/^(\w+)\[(\d+)]\.(\w+)$/, 'service-$1-$2-$3').replace(/^(\w+)$/, 'service-$1');
  };
  const modeInput = (mode?: Mode) => `service-mode-${mode ?? offered[0]}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const modes = offered.filter((m) => durations[m] !== undefined && durations[m] !== '')
      .map((mode) => ({ mode, durationMinutes: Number(durations[mode]) }));
    const missing: FieldError[] = [];
    if (!/^\d+$/.test(buffer.trim())) missing.push({ id: 'service-bufferMinutes', message: `${t('services.fields.bufferMinutes')}: ${t('services.wholeMinutes')}` });
    if (adding) {
      // the API adds or replaces: a new service must not silently replace one that exists
      const existing = await api<ServiceTerms[]>(path).catch(() => []);
      if (existing.some((s) => s.id === serviceId.trim())) missing.push({ id: 'service-id', message: t('services.idTaken') });
    }
    setStranded([]);
    if (missing.length > 0) return setErrors(missing);
    setBusy(true);
    try {
      const newId = adding ? serviceId.trim() : id;
      await api(`${path}/${encodeURIComponent(newId || '-')}`, {
        method: 'PUT', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          id: newId, unitId, nameEl: nameEl.trim(), nameEn: nameEn.trim(), modes, bufferMinutes: Number(buffer),
          documents: documents.map((d) => ({ ...d, nameEl: d.nameEl.trim(), nameEn: d.nameEn.trim() })),
          fees: fees.map((f) => ({ descriptionEl: f.descriptionEl.trim(), descriptionEn: f.descriptionEn.trim(),
            amountEuro: f.amountEuro.trim() === '' ? null : Number(f.amountEuro.replace(',', '.')) })),
        }),
      });
      refresh(); // the other screens (staff, schedules) offer it at once
      navigate('/services', { state: { done: t('services.saved', { name: greek ? nameEl.trim() : nameEn.trim() }) } });
    } catch (failure) {
      setBusy(false);
      const sent = modes.map((m) => m.mode);
      setErrors(failure instanceof Problem && failure.violations.length > 0
        ? failure.violations.map((v) => ({ id: inputOf(v.field, sent), message: `${fieldLabel(v.field, sent)}: ${v.message}` }))
        : [{ id: failure instanceof Problem ? inputOf(failure.field, sent) : undefined,
          message: failure instanceof Problem && failure.field ? `${fieldLabel(failure.field, sent)}: ${problemText(failure)}` : problemText(failure) }]);
      setStranded(failure instanceof Problem ? failure.bookings : []);
    }
  }

  function fieldLabel(field: string, sent: Mode[]): string {
    const mode = field.match(/^modes\[(\d+)]/);
    if (mode && sent[Number(mode[1])]) return t('services.minutesFor', { mode: t(`mode.${sent[Number(mode[1])]}`) });
    const row = field.match(/^(\w+)\[(\d+)](?:\.(\w+))?$/);
    if (row) return t('services.rowField', { list: t(`services.fields.${row[1]}`), n: Number(row[2]) + 1, field: row[3] ? t(`services.fields.${row[3]}`) : '' });
    return t(`services.fields.${field}`, { defaultValue: field });
  }

  const errorOf = (input: string) => errors.find((e) => e.id === input)?.message;
  const units = (municipality?.units ?? []).map((u) => ({ value: u.id, label: greek ? u.nameEl : u.nameEn }));
  return (
    <div className="govgr-grid-column-two-thirds">
      <Link className="govgr-back-link" to="/services">{t('services.back')}</Link>
      <h1 className="govgr-heading-xl">{title}</h1>
      <ErrorSummary title={t('errors.title')} errors={errors} />
      <Stranded appointments={stranded} />
      {!loaded ? <p className="govgr-body" role="status">{t('loading')}</p> : (
        <form onSubmit={save} noValidate>
          {adding && (
            <TextField id="service-id" label={t('services.fields.id')} hint={t('services.idHint')} value={serviceId} autoComplete="off"
              error={errorOf('service-id')} onChange={(event) => setServiceId(event.target.value)} />
          )}
          <Select id="service-unitId" label={t('services.fields.unitId')} empty={t('services.choose')} value={unitId} options={units}
            error={errorOf('service-unitId')} onChange={setUnitId} />
          <TextField id="service-nameEl" label={t('services.fields.nameEl')} value={nameEl} error={errorOf('service-nameEl')}
            onChange={(event) => setNameEl(event.target.value)} />
          <TextField id="service-nameEn" label={t('services.fields.nameEn')} lang="en" value={nameEn} error={errorOf('service-nameEn')}
            onChange={(event) => setNameEn(event.target.value)} />
          <fieldset className="govgr-fieldset" aria-describedby="service-modes-hint">
            <legend className="govgr-heading-s govgr-fieldset__legend">{t('services.fields.modes')}</legend>
            <p className="govgr-hint" id="service-modes-hint">{t('services.modesHint')}</p>
            {offered.map((mode) => (
              <TextField key={mode} id={modeInput(mode)} inputMode="numeric"
                label={t('services.minutesFor', { mode: t(`mode.${mode}`) })} value={durations[mode] ?? ''}
                error={errorOf(modeInput(mode))}
                onChange={(event) => setDurations({ ...durations, [mode]: event.target.value })} />
            ))}
          </fieldset>
          <TextField id="service-bufferMinutes" label={t('services.fields.bufferMinutes')} hint={t('services.bufferHint')} inputMode="numeric"
            value={buffer} error={errorOf('service-bufferMinutes')} onChange={(event) => setBuffer(event.target.value)} />

          <h2 className="govgr-heading-m">{t('services.fields.documents')}</h2>
          {documents.map((d, i) => (
            <fieldset className="govgr-fieldset" key={i}>
              <legend className="govgr-heading-s govgr-fieldset__legend">{t('services.documentN', { n: i + 1 })}</legend>
              <TextField id={`service-documents-${i}-nameEl`} label={t('services.fields.nameEl')} value={d.nameEl}
                error={errorOf(`service-documents-${i}-nameEl`)}
                onChange={(event) => setDocuments(documents.map((x, j) => (j === i ? { ...x, nameEl: event.target.value } : x)))} />
              <TextField id={`service-documents-${i}-nameEn`} label={t('services.fields.nameEn')} lang="en" value={d.nameEn}
                error={errorOf(`service-documents-${i}-nameEn`)}
                onChange={(event) => setDocuments(documents.map((x, j) => (j === i ? { ...x, nameEn: event.target.value } : x)))} />
              <Checkbox id={`service-documents-${i}-exOfficio`} label={t('services.exOfficio')} checked={d.exOfficio}
                onChange={(on) => setDocuments(documents.map((x, j) => (j === i ? { ...x, exOfficio: on } : x)))} />
              <Button type="button" variant="secondary" onClick={() => (setErrors([]), setDocuments(documents.filter((_, j) => j !== i)))}>
                {t('services.removeDocument', { n: i + 1 })}
              </Button>
            </fieldset>
          ))}
          <p className="govgr-body">
            <Button type="button" variant="secondary" onClick={() => setDocuments([...documents, { nameEl: '', nameEn: '', exOfficio: false }])}>
              {t('services.addDocument')}
            </Button>
          </p>

          <h2 className="govgr-heading-m">{t('services.fields.fees')}</h2>
          {fees.map((f, i) => (
            <fieldset className="govgr-fieldset" key={i}>
              <legend className="govgr-heading-s govgr-fieldset__legend">{t('services.feeN', { n: i + 1 })}</legend>
              <TextField id={`service-fees-${i}-descriptionEl`} label={t('services.fields.descriptionEl')} value={f.descriptionEl}
                error={errorOf(`service-fees-${i}-descriptionEl`)}
                onChange={(event) => setFees(fees.map((x, j) => (j === i ? { ...x, descriptionEl: event.target.value } : x)))} />
              <TextField id={`service-fees-${i}-descriptionEn`} label={t('services.fields.descriptionEn')} lang="en" value={f.descriptionEn}
                error={errorOf(`service-fees-${i}-descriptionEn`)}
                onChange={(event) => setFees(fees.map((x, j) => (j === i ? { ...x, descriptionEn: event.target.value } : x)))} />
              <TextField id={`service-fees-${i}-amountEuro`} label={t('services.fields.amountEuro')} inputMode="decimal" value={f.amountEuro}
                error={errorOf(`service-fees-${i}-amountEuro`)}
                onChange={(event) => setFees(fees.map((x, j) => (j === i ? { ...x, amountEuro: event.target.value } : x)))} />
              <Button type="button" variant="secondary" onClick={() => (setErrors([]), setFees(fees.filter((_, j) => j !== i)))}>
                {t('services.removeFee', { n: i + 1 })}
              </Button>
            </fieldset>
          ))}
          <p className="govgr-body">
            <Button type="button" variant="secondary" onClick={() => setFees([...fees, { descriptionEl: '', descriptionEn: '', amountEuro: '' }])}>
              {t('services.addFee')}
            </Button>
          </p>
          <Button type="submit" aria-disabled={busy}>{t('services.save')}</Button>
        </form>
      )}
    </div>
  );
}

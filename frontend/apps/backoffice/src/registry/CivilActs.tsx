import { api, type CivilAct, type CivilActForm, type RegistryPerson } from '@mydimos/api';
import { Button, ErrorSummary, type FieldError, formatDate, SummaryRow, TextField, usePageTitle } from '@mydimos/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useWorkplace } from '../workplace/Workplace';
import { EMPTY_PERSON, PersonFields } from './PersonFields';
import { CorrectionForm, entryErrors, MarginalNotes, PersonsTable, RecordFrame, useRecord, useRecordSearch } from './RegistryRecord';

const ACTS = '/api/registry/civil-acts';
const KINDS = ['BIRTH', 'MARRIAGE', 'DEATH'] as const;
const ROLES: Record<string, string[]> = {
  BIRTH: ['CHILD', 'MOTHER', 'FATHER', 'DECLARANT'], MARRIAGE: ['SPOUSE', 'DECLARANT'], DEATH: ['DECEASED', 'DECLARANT'],
};

const numbers = (a: CivilAct) => `${a.actNumber}/${a.volume}/${a.year}`;

/** The registry office (ληξιαρχείο, seed 002): civil acts found by tax number or by their numbers; every one shown is logged as read. */
export function CivilActs() {
  const { t } = useTranslation();
  const { code } = useWorkplace();
  const [taxId, setTaxId] = useState('');
  const [year, setYear] = useState('');
  const [actNumber, setActNumber] = useState('');
  const { found, error, setError, search: find } = useRecordSearch<CivilAct>('act-tax-id');
  usePageTitle(t('civilActs.title'));

  async function search(event: FormEvent) {
    event.preventDefault();
    const query = new URLSearchParams();
    if (taxId.trim()) query.set('taxId', taxId.trim());
    else if (year.trim() && code) {
      query.set('registryOffice', code);
      query.set('year', year.trim());
      if (actNumber.trim()) query.set('actNumber', actNumber.trim());
    } else {
      setError({ id: 'act-tax-id', message: t('civilActs.searchRequired') });
      return;
    }
    await find(`${ACTS}?${query}`);
  }

  return (
    <div className="mydimos-full-width">
      <h1 className="govgr-heading-xl">{t('civilActs.title')}</h1>
      <Link className="govgr-btn govgr-btn-secondary" to="new">{t('civilActs.new')}</Link>
      <form onSubmit={search} noValidate aria-labelledby="act-search-title">
        <h2 className="govgr-heading-m" id="act-search-title">{t('civilActs.search')}</h2>
        <ErrorSummary title={t('errors.title')} errors={error ? [error] : []} />
        <div className="mydimos-filters">
          <TextField id="act-tax-id" label={t('registry.fields.taxId')} hint={t('civilActs.taxIdHint')} value={taxId}
            inputMode="numeric" autoComplete="off" onChange={(event) => setTaxId(event.target.value)}
            error={error?.id === 'act-tax-id' ? error.message : undefined} />
          <TextField id="act-year" label={t('civilActs.year')} value={year} inputMode="numeric" autoComplete="off"
            onChange={(event) => setYear(event.target.value)} />
          <TextField id="act-number" label={t('civilActs.actNumber')} value={actNumber} inputMode="numeric" autoComplete="off"
            onChange={(event) => setActNumber(event.target.value)} />
        </div>
        <p className="govgr-hint">{t('registry.readsLogged')}</p>
        <Button type="submit" variant="secondary">{t('civilActs.find')}</Button>
      </form>
      <p className="govgr-visually-hidden" role="status">
        {found ? (found.length === 0 ? t('registry.noneFound') : t('registry.found', { count: found.length })) : ''}
      </p>
      {found && (found.length === 0 ? <p className="govgr-body">{t('registry.noneFound')}</p> : (
        <table className="govgr-table govgr-table--dense govgr-table--stacked-m">
          <caption className="govgr-table__caption govgr-table__caption--s">{t('registry.found', { count: found.length })}</caption>
          <thead className="govgr-table__head"><tr className="govgr-table__row">
            {['act', 'kind', 'office', 'eventDate', 'persons'].map((c) => (
              <th scope="col" className="govgr-table__header" key={c}>{t(`civilActs.columns.${c}`)}</th>
            ))}
          </tr></thead>
          <tbody className="govgr-table__body">
            {found.map((a) => (
              <tr className="govgr-table__row" key={a.id}>
                <td className="govgr-table__cell" data-label={t('civilActs.columns.act')}>
                  <Link className="govgr-link" to={a.id!}>{t('civilActs.actLink', { numbers: numbers(a) })}</Link>
                </td>
                <td className="govgr-table__cell" data-label={t('civilActs.columns.kind')}>{t(`civilActs.kind.${a.kind}`)}</td>
                <td className="govgr-table__cell" data-label={t('civilActs.columns.office')}>{a.registryOffice}</td>
                <td className="govgr-table__cell" data-label={t('civilActs.columns.eventDate')}>{a.eventDate ? formatDate(a.eventDate) : ''}</td>
                <td className="govgr-table__cell" data-label={t('civilActs.columns.persons')}>
                  {(a.persons ?? []).map((p) => `${p.firstName} ${p.lastName}`).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** One act with its marginal notes, and its correction by the office that keeps it. */
export function CivilActPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { code, municipality } = useWorkplace();
  const { record: act, error, read } = useRecord<CivilAct>(`${ACTS}/${encodeURIComponent(id)}`);
  const [corrected, setCorrected] = useState('');
  const title = act ? t('civilActs.actTitle', { kind: t(`civilActs.kindOf.${act.kind}`), numbers: numbers(act) }) : t('civilActs.title');
  usePageTitle(title);

  return (
    <RecordFrame back="/registry/civil-acts" backLabel={t('civilActs.back')} error={error} loaded={!!act}>
      {act && (
        <>
          <span className="govgr-caption-l">{t('civilActs.office', {
            office: act.registryOffice === code && municipality ? (i18n.language === 'el' ? municipality.nameEl : municipality.nameEn) : act.registryOffice,
          })}</span>
          <h1 className="govgr-heading-xl">{title}</h1>
          <p role="status" className="govgr-body">{corrected}</p>
          <dl className="govgr-summary-list">
            <SummaryRow term={t('registry.fields.eventDate')}>{act.eventDate ? formatDate(act.eventDate) : ''}</SummaryRow>
            <SummaryRow term={t('registry.fields.eventPlace')}>{act.eventPlace}</SummaryRow>
            <SummaryRow term={t('registry.version')}>{act.version}</SummaryRow>
          </dl>
          <PersonsTable persons={act.persons ?? []} caption={t('registry.persons')} />
          <MarginalNotes notes={act.notes ?? []} persons={act.persons ?? []} />
          <CorrectionForm path={`${ACTS}/${act.id}`} persons={act.persons ?? []} recordFields={['eventPlace', 'eventDate']}
            onCorrected={(version) => read().then(() => setCorrected(t('registry.corrected', { version })))} />
        </>
      )}
    </RecordFrame>
  );
}

/** Entering an act of the clerk's own registry office, as the document in hand records it. */
export function NewCivilAct() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<string>('BIRTH');
  const [year, setYear] = useState('');
  const [volume, setVolume] = useState('');
  const [actNumber, setActNumber] = useState('');
  const [eventDate, setEventDate] = useState('');
  const [eventPlace, setEventPlace] = useState('');
  const [persons, setPersons] = useState<RegistryPerson[]>([{ ...EMPTY_PERSON, role: 'CHILD' }]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  usePageTitle(`${errors.length > 0 ? `${t('errors.title')}: ` : ''}${t('civilActs.new')}`);
  const errorOf = (id: string) => errors.find((e) => e.id === id)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const form = {
      kind, year: Number(year) || null, volume: Number(volume) || null, actNumber: Number(actNumber) || null,
      eventDate, eventPlace, persons,
    } as CivilActForm;
    try {
      const act = await api<CivilAct>(ACTS, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(form) });
      navigate(`/registry/civil-acts/${act.id}`);
    } catch (failure) {
      setBusy(false);
      setErrors(entryErrors(failure, (field) => `act-${field}`, t));
    }
  }

  return (
    <div className="govgr-grid-column-two-thirds">
      <Link className="govgr-back-link" to="/registry/civil-acts">{t('civilActs.back')}</Link>
      <h1 className="govgr-heading-xl">{t('civilActs.new')}</h1>
      <form onSubmit={submit} noValidate>
        <ErrorSummary title={t('errors.title')} errors={errors} />
        <div className="govgr-field">
          <label className="govgr-label" htmlFor="act-kind">{t('civilActs.columns.kind')}</label>
          <select className="govgr-select" id="act-kind" value={kind} onChange={(event) => {
            setKind(event.target.value);
            setPersons([{ ...EMPTY_PERSON, role: ROLES[event.target.value][0] }]);
          }}>
            {KINDS.map((k) => <option key={k} value={k}>{t(`civilActs.kind.${k}`)}</option>)}
          </select>
        </div>
        <div className="mydimos-filters">
          <TextField id="act-year" label={t('civilActs.year')} value={year} inputMode="numeric" autoComplete="off"
            onChange={(event) => setYear(event.target.value)} error={errorOf('act-year')} />
          <TextField id="act-volume" label={t('civilActs.volume')} value={volume} inputMode="numeric" autoComplete="off"
            onChange={(event) => setVolume(event.target.value)} error={errorOf('act-volume')} />
          <TextField id="act-actNumber" label={t('civilActs.actNumber')} value={actNumber} inputMode="numeric" autoComplete="off"
            onChange={(event) => setActNumber(event.target.value)} error={errorOf('act-actNumber')} />
        </div>
        <div className={errorOf('act-eventDate') ? 'govgr-field govgr-field__error' : 'govgr-field'}>
          <label className="govgr-label" htmlFor="act-eventDate">{t('registry.fields.eventDate')}</label>
          {errorOf('act-eventDate') && <p className="govgr-error-message" id="act-eventDate-error">{errorOf('act-eventDate')}</p>}
          <input className="govgr-input" type="date" id="act-eventDate" value={eventDate}
            aria-describedby={errorOf('act-eventDate') ? 'act-eventDate-error' : undefined}
            onChange={(event) => setEventDate(event.target.value)} />
        </div>
        <TextField id="act-eventPlace" label={t('registry.fields.eventPlace')} value={eventPlace} autoComplete="off"
          onChange={(event) => setEventPlace(event.target.value)} error={errorOf('act-eventPlace')} />
        <h2 className="govgr-heading-m">{t('registry.persons')}</h2>
        <PersonFields persons={persons} roles={ROLES[kind]} onChange={setPersons} errorOf={errorOf} />
        <Button type="submit" aria-disabled={busy}>{t('civilActs.enter')}</Button>
      </form>
    </div>
  );
}

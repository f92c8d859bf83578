import { api, type FamilyRecord, type FamilyRecordForm, type RegistryPerson } from '@mydimos/api';
import { Button, ErrorSummary, type FieldError, SummaryRow, TextField, usePageTitle } from '@mydimos/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useWorkplace } from '../workplace/Workplace';
import { EMPTY_PERSON, PersonFields } from './PersonFields';
import { CorrectionForm, entryErrors, MarginalNotes, PersonsTable, RecordFrame, useRecord, useRecordSearch } from './RegistryRecord';

const SHARES = '/api/registry/family-shares';
const RELATIONS = ['HEAD', 'SPOUSE', 'CHILD'];

/** The municipal registry (δημοτολόγιο, seed 002): family records found by a member's tax number or by number. */
export function FamilyRecords() {
  const { t } = useTranslation();
  const { code } = useWorkplace();
  const [taxId, setTaxId] = useState('');
  const [shareNumber, setShareNumber] = useState('');
  const { found, error, setError, search: find } = useRecordSearch<FamilyRecord>('share-tax-id');
  usePageTitle(t('familyRecords.title'));

  async function search(event: FormEvent) {
    event.preventDefault();
    const query = new URLSearchParams();
    if (taxId.trim()) query.set('taxId', taxId.trim());
    else if (shareNumber.trim() && code) {
      query.set('municipality', code);
      query.set('shareNumber', shareNumber.trim());
    } else {
      setError({ id: 'share-tax-id', message: t('familyRecords.searchRequired') });
      return;
    }
    await find(`${SHARES}?${query}`);
  }

  return (
    <div className="mydimos-full-width">
      <h1 className="govgr-heading-xl">{t('familyRecords.title')}</h1>
      <Link className="govgr-btn govgr-btn-secondary" to="new">{t('familyRecords.new')}</Link>
      <form onSubmit={search} noValidate aria-labelledby="share-search-title">
        <h2 className="govgr-heading-m" id="share-search-title">{t('familyRecords.search')}</h2>
        <ErrorSummary title={t('errors.title')} errors={error ? [error] : []} />
        <div className="mydimos-filters">
          <TextField id="share-tax-id" label={t('registry.fields.taxId')} hint={t('familyRecords.taxIdHint')} value={taxId}
            inputMode="numeric" autoComplete="off" onChange={(event) => setTaxId(event.target.value)}
            error={error?.id === 'share-tax-id' ? error.message : undefined} />
          <TextField id="share-number" label={t('familyRecords.shareNumber')} value={shareNumber} inputMode="numeric"
            autoComplete="off" onChange={(event) => setShareNumber(event.target.value)} />
        </div>
        <p className="govgr-hint">{t('registry.readsLogged')}</p>
        <Button type="submit" variant="secondary">{t('familyRecords.find')}</Button>
      </form>
      <p className="govgr-visually-hidden" role="status">
        {found ? (found.length === 0 ? t('registry.noneFound') : t('registry.found', { count: found.length })) : ''}
      </p>
      {found && (found.length === 0 ? <p className="govgr-body">{t('registry.noneFound')}</p> : (
        <table className="govgr-table govgr-table--dense govgr-table--stacked-m">
          <caption className="govgr-table__caption govgr-table__caption--s">{t('registry.found', { count: found.length })}</caption>
          <thead className="govgr-table__head"><tr className="govgr-table__row">
            {['share', 'municipality', 'members'].map((c) => (
              <th scope="col" className="govgr-table__header" key={c}>{t(`familyRecords.columns.${c}`)}</th>
            ))}
          </tr></thead>
          <tbody className="govgr-table__body">
            {found.map((s) => (
              <tr className="govgr-table__row" key={s.id}>
                <td className="govgr-table__cell" data-label={t('familyRecords.columns.share')}>
                  <Link className="govgr-link" to={s.id!}>{t('familyRecords.shareLink', { number: s.shareNumber })}</Link>
                </td>
                <td className="govgr-table__cell" data-label={t('familyRecords.columns.municipality')}>{s.municipality}</td>
                <td className="govgr-table__cell" data-label={t('familyRecords.columns.members')}>
                  {(s.members ?? []).map((p) => `${p.firstName} ${p.lastName}`).join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** One family record with its marginal notes, and the correction of a member by the municipality that keeps it. */
export function FamilyRecordPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { code, municipality } = useWorkplace();
  const { record: share, error, read } = useRecord<FamilyRecord>(`${SHARES}/${encodeURIComponent(id)}`);
  const [corrected, setCorrected] = useState('');
  const title = share ? t('familyRecords.shareLink', { number: share.shareNumber }) : t('familyRecords.title');
  usePageTitle(title);

  return (
    <RecordFrame back="/registry/family-records" backLabel={t('familyRecords.back')} error={error} loaded={!!share}>
      {share && (
        <>
          <span className="govgr-caption-l">
            {share.municipality === code && municipality ? (i18n.language === 'el' ? municipality.nameEl : municipality.nameEn) : share.municipality}
          </span>
          <h1 className="govgr-heading-xl">{title}</h1>
          <p role="status" className="govgr-body">{corrected}</p>
          <dl className="govgr-summary-list">
            <SummaryRow term={t('registry.version')}>{share.version}</SummaryRow>
          </dl>
          <PersonsTable persons={share.members ?? []} caption={t('familyRecords.members')} />
          <MarginalNotes notes={share.notes ?? []} persons={share.members ?? []} />
          <CorrectionForm path={`${SHARES}/${share.id}`} persons={share.members ?? []} recordFields={[]}
            onCorrected={(version) => read().then(() => setCorrected(t('registry.corrected', { version })))} />
        </>
      )}
    </RecordFrame>
  );
}

/** Registering a household in the clerk's own municipality. */
export function NewFamilyRecord() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [shareNumber, setShareNumber] = useState('');
  const [members, setMembers] = useState<RegistryPerson[]>([{ ...EMPTY_PERSON, role: 'HEAD' }]);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  usePageTitle(`${errors.length > 0 ? `${t('errors.title')}: ` : ''}${t('familyRecords.new')}`);
  const errorOf = (id: string) => errors.find((e) => e.id === id)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const form: FamilyRecordForm = { shareNumber: Number(shareNumber) || null, members };
    try {
      const share = await api<FamilyRecord>(SHARES, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(form) });
      navigate(`/registry/family-records/${share.id}`);
    } catch (failure) {
      setBusy(false);
      setErrors(entryErrors(failure, (field) => (field === 'shareNumber' ? 'share-number' : undefined), t));
    }
  }

  return (
    <div className="govgr-grid-column-two-thirds">
      <Link className="govgr-back-link" to="/registry/family-records">{t('familyRecords.back')}</Link>
      <h1 className="govgr-heading-xl">{t('familyRecords.new')}</h1>
      <form onSubmit={submit} noValidate>
        <ErrorSummary title={t('errors.title')} errors={errors} />
        <TextField id="share-number" label={t('familyRecords.shareNumber')} value={shareNumber} inputMode="numeric"
          autoComplete="off" onChange={(event) => setShareNumber(event.target.value)} error={errorOf('share-number')} />
        <h2 className="govgr-heading-m">{t('familyRecords.members')}</h2>
        <PersonFields persons={members} roles={RELATIONS} onChange={setMembers} errorOf={errorOf} />
        <Button type="submit" aria-disabled={busy}>{t('familyRecords.enter')}</Button>
      </form>
    </div>
  );
}

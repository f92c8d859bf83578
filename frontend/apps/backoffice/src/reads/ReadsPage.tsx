import { api, problemText, type AuditEntry, type AuditVerification, type StaffRead } from '@mydimos/api';
import { addDays, athensMidnight, athensToday, Button, ErrorSummary, formatDateTime, usePageTitle, useSession } from '@mydimos/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The most each list shows (the registry answers at most 500 reads): a busier day is narrowed by the period. */
const READS_LIMIT = 500;
const TRAIL_LIMIT = 200;

/**
 * Who read whose personal data (ID-3, seed 004 Art.5§3): the registry's log of records shown and people looked up by
 * staff, and the gateway's audit trail of every request — a municipal admin's staff only, everyone's for the central
 * administration, which also verifies that the trail has not been altered.
 */
export function ReadsPage() {
  const { t } = useTranslation();
  const central = useSession()?.roles?.includes('central-admin') ?? false;
  const [day, setDay] = useState(athensToday());
  const [asked, setAsked] = useState(day);
  const [reads, setReads] = useState<StaffRead[] | null>(null);
  const [trail, setTrail] = useState<AuditEntry[] | null>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [readsError, setReadsError] = useState<string | null>(null);
  const [trailError, setTrailError] = useState<string | null>(null);
  const [verifying, setVerifying] = useState(false);
  usePageTitle(t('reads.title'));

  useEffect(() => {
    let current = true;
    setReads(null);
    setTrail(null);
    const trailQuery = new URLSearchParams({ from: athensMidnight(asked), to: athensMidnight(addDays(asked, 1)), limit: String(TRAIL_LIMIT) });
    // each source on its own: one that fails does not hide the other
    api<StaffRead[]>(`/api/registry/staff-reads?from=${asked}&to=${asked}`)
      .then((found) => current && (setReads(found), setReadsError(null)))
      .catch((failure) => current && setReadsError(problemText(failure)));
    api<AuditEntry[]>(`/api/audit?${trailQuery}`)
      .then((found) => current && (setTrail(found), setTrailError(null)))
      .catch((failure) => current && setTrailError(problemText(failure)));
    return () => {
      current = false;
    };
  }, [asked]);

  async function verify() {
    if (verifying) return;
    setVerifying(true);
    try {
      setVerification(await api<AuditVerification>('/api/audit/verify'));
    } catch (failure) {
      setTrailError(problemText(failure));
    } finally {
      setVerifying(false);
    }
  }

  const what = (r: StaffRead) => r.what === 'PERSON' ? t('reads.person', { taxId: r.subjectTaxId }) : t(`reads.what.${r.what}`);
  return (
    <div className="mydimos-full-width">
      <h1 className="govgr-heading-xl">{t('reads.title')}</h1>
      <p className="govgr-body">{t(central ? 'reads.introCentral' : 'reads.intro')}</p>
      <form className="mydimos-filters" noValidate onSubmit={(event: FormEvent) => {
        event.preventDefault();
        setAsked(day);
      }}>
        <div className="govgr-field">
          <label className="govgr-label" htmlFor="reads-day">{t('reads.day')}</label>
          <input className="govgr-input" type="date" id="reads-day" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} />
        </div>
        <Button type="submit" variant="secondary">{t('reads.show')}</Button>
      </form>
      {(readsError || trailError) && (
        <ErrorSummary title={t('errors.title')} errors={[readsError, trailError].filter((e): e is string => !!e).map((message) => ({ message }))} />
      )}
      <p className="govgr-visually-hidden" role="status">
        {reads && trail ? `${t('reads.shownReads', { count: reads.length })} ${t('reads.shownEntries', { count: trail.length })}` : ''}
      </p>

      <h2 className="govgr-heading-m">{t('reads.registry')}</h2>
      {reads && reads.length >= READS_LIMIT && <p className="govgr-hint">{t('reads.first', { count: READS_LIMIT })}</p>}
      {readsError ? null : !reads ? <p className="govgr-body">{t('loading')}</p> : reads.length === 0 ? <p className="govgr-body">{t('reads.noReads')}</p> : (
        <table className="govgr-table govgr-table--dense govgr-table--stacked-m">
          <caption className="govgr-visually-hidden">{t('reads.registry')}</caption>
          <thead className="govgr-table__head"><tr className="govgr-table__row">
            {['when', 'who', 'what', 'reason'].map((c) => <th scope="col" className="govgr-table__header" key={c}>{t(`reads.columns.${c}`)}</th>)}
          </tr></thead>
          <tbody className="govgr-table__body">
            {reads.map((r, i) => (
              <tr className="govgr-table__row" key={i}>
                <td className="govgr-table__cell" data-label={t('reads.columns.when')}>{r.readAt ? formatDateTime(r.readAt) : ''}</td>
                <td className="govgr-table__cell" data-label={t('reads.columns.who')}>
                  {r.reader}{central && r.readerMunicipality && <><br /><span className="mydimos-note">{r.readerMunicipality}</span></>}
                </td>
                <td className="govgr-table__cell" data-label={t('reads.columns.what')}>{what(r)}</td>
                <td className="govgr-table__cell" data-label={t('reads.columns.reason')}>{r.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="govgr-heading-m">{t('reads.trail')}</h2>
      {trail && trail.length >= TRAIL_LIMIT && <p className="govgr-hint">{t('reads.first', { count: TRAIL_LIMIT })}</p>}
      {trailError ? null : !trail ? <p className="govgr-body">{t('loading')}</p> : trail.length === 0 ? <p className="govgr-body">{t('reads.noEntries')}</p> : (
        <table className="govgr-table govgr-table--dense govgr-table--stacked-m">
          <caption className="govgr-visually-hidden">{t('reads.trail')}</caption>
          <thead className="govgr-table__head"><tr className="govgr-table__row">
            {['when', 'who', 'action', 'outcome'].map((c) => <th scope="col" className="govgr-table__header" key={c}>{t(`reads.columns.${c}`)}</th>)}
          </tr></thead>
          <tbody className="govgr-table__body">
            {trail.map((e) => (
              <tr className="govgr-table__row" key={e.seq}>
                <td className="govgr-table__cell" data-label={t('reads.columns.when')}>{e.at ? formatDateTime(e.at) : ''}</td>
                <td className="govgr-table__cell" data-label={t('reads.columns.who')}>
                  {e.actorName ?? e.actor}{central && e.municipality && <><br /><span className="mydimos-note">{e.municipality}</span></>}
                </td>
                <td className="govgr-table__cell mydimos-wrap" data-label={t('reads.columns.action')}>{`${e.action} ${e.record}`}</td>
                <td className="govgr-table__cell" data-label={t('reads.columns.outcome')}>{e.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {central && (
        <section aria-labelledby="verify-title">
          <h2 className="govgr-heading-m" id="verify-title">{t('reads.verifyTitle')}</h2>
          <p className="govgr-body">{t('reads.verifyHint')}</p>
          <Button type="button" variant="secondary" aria-disabled={verifying} onClick={verify}>{t('reads.verify')}</Button>
          <p className="govgr-body" role="status">
            {verification ? (verification.intact
              ? t('reads.intact', { count: verification.entriesChecked ?? 0 })
              : t('reads.broken', { seq: verification.firstBrokenSeq })) : ''}
          </p>
        </section>
      )}
    </div>
  );
}

import { api, Problem, problemText, type MunicipalityStatus, type OnboardingRequest } from '@mydimos/api';
import { Button, Checkbox, ErrorSummary, type FieldError, formatDate, SummaryRow, TextField, usePageTitle } from '@mydimos/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';

/**
 * Every municipality and where it stands (REG-1, seed 004 Art.6), for the central administration: pending ones with
 * their request to decide, active ones since when and by which act, suspended ones.
 */
export function Municipalities() {
  const { t, i18n } = useTranslation();
  const done = (useLocation().state as { done?: string } | null)?.done;
  const [all, setAll] = useState<MunicipalityStatus[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const doneMessage = useRef<HTMLParagraphElement>(null);
  usePageTitle(t('municipalities.title'));
  const greek = i18n.language === 'el';

  useEffect(() => {
    api<MunicipalityStatus[]>('/api/registry/municipality-statuses').then(setAll).catch((failure) => setError(problemText(failure)));
  }, []);
  useEffect(() => {
    if (done) doneMessage.current?.focus();
  }, [done]);

  return (
    <div className="mydimos-full-width">
      <h1 className="govgr-heading-xl">{t('municipalities.title')}</h1>
      {done && <p className="govgr-body mydimos-done" tabIndex={-1} ref={doneMessage}>{done}</p>}
      {error && <ErrorSummary title={t('errors.title')} errors={[{ message: error }]} />}
      {!all && !error && <p className="govgr-body" role="status">{t('loading')}</p>}
      {all && (
        <table className="govgr-table govgr-table--dense govgr-table--stacked-m">
          <caption className="govgr-table__caption govgr-table__caption--s">{t('municipalities.count', { count: all.length })}</caption>
          <thead className="govgr-table__head"><tr className="govgr-table__row">
            {['name', 'status', 'joined', 'request'].map((c) => (
              <th scope="col" className="govgr-table__header" key={c}>{t(`municipalities.columns.${c}`)}</th>
            ))}
          </tr></thead>
          <tbody className="govgr-table__body">
            {all.map((m) => {
              const name = greek ? m.nameEl : m.nameEn;
              return (
                <tr className="govgr-table__row" key={m.code}>
                  <td className="govgr-table__cell" data-label={t('municipalities.columns.name')}><strong>{name}</strong></td>
                  <td className="govgr-table__cell" data-label={t('municipalities.columns.status')}>
                    <strong className={`mydimos-tag govgr-tag__${m.status === 'ACTIVE' ? 'primary' : 'secondary'}`}>
                      {t(`municipalities.status.${m.status}`)}
                    </strong>
                  </td>
                  <td className="govgr-table__cell" data-label={t('municipalities.columns.joined')}>
                    {m.joinedAt && m.status === 'ACTIVE' ? t('municipalities.since', {
                      date: formatDate(m.joinedAt.slice(0, 10)), act: m.joiningActNumber ?? '',
                      actDate: m.joiningActDate ? formatDate(m.joiningActDate) : '',
                    }) : ''}
                  </td>
                  <td className="govgr-table__cell" data-label={t('municipalities.columns.request')}>
                    {m.openRequest && (
                      <Link className="govgr-link" to={`requests/${m.openRequest}`}>{t('municipalities.decide', { name })}</Link>
                    )}
                    {m.status === 'ACTIVE' && (
                      <Link className="govgr-link" to={`${encodeURIComponent(m.code ?? "")}/suspend`}>{t('municipalities.suspend', { name })}</Link>
                    )}
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

/**
 * An onboarding request: what the municipality declared (seed 004 Art.6§2) and the decision — approval by the act of
 * the Secretary General, its number and date (Art.6§3), or rejection with the reason.
 */
export function OnboardingDecision() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [request, setRequest] = useState<OnboardingRequest | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [actNumber, setActNumber] = useState('');
  const [actDate, setActDate] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const greek = i18n.language === 'el';
  const d = request?.declaration;
  const name = d ? (greek ? d.nameEl : d.nameEn) : '';
  usePageTitle(`${errors.length > 0 ? `${t('errors.title')}: ` : ''}${t('onboarding.title', { name })}`);

  useEffect(() => {
    api<OnboardingRequest>(`/api/registry/onboarding-requests/${encodeURIComponent(id)}`).then(setRequest)
      .catch((problem) => setFailure(problemText(problem)));
  }, [id]);

  async function decide(event: FormEvent, decision: 'approve' | 'reject') {
    event.preventDefault();
    if (busy) return;
    const missing: FieldError[] = [];
    if (decision === 'approve' && !actNumber.trim()) missing.push({ id: 'act-number', message: t('onboarding.actNumberRequired') });
    if (decision === 'approve' && !actDate) missing.push({ id: 'act-date', message: t('onboarding.actDateRequired') });
    if (decision === 'reject' && !reason.trim()) missing.push({ id: 'reason', message: t('onboarding.reasonRequired') });
    setErrors(missing);
    if (missing.length > 0) return;
    setBusy(true);
    try {
      await api(`/api/registry/onboarding-requests/${encodeURIComponent(id)}/${decision}`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(decision === 'approve' ? { actNumber, actDate } : { reason }),
      });
      navigate('/municipalities', { state: { done: t(decision === 'approve' ? 'onboarding.approved' : 'onboarding.rejected', { name }) } });
    } catch (problem) {
      setBusy(false);
      const field = problem instanceof Problem ? problem.field ?? problem.violations[0]?.field : undefined;
      setErrors([{ id: field === 'actNumber' ? 'act-number' : field === 'actDate' ? 'act-date' : field === 'reason' ? 'reason' : undefined,
        message: problemText(problem) }]);
    }
  }

  const errorOf = (input: string) => errors.find((e) => e.id === input)?.message;
  return (
    <div className="govgr-grid-column-two-thirds">
      <Link className="govgr-back-link" to="/municipalities">{t('onboarding.back')}</Link>
      {failure && <ErrorSummary title={t('errors.title')} errors={[{ message: failure }]} />}
      {!request && !failure && <p className="govgr-body" role="status">{t('loading')}</p>}
      {request && d && (
        <>
          <h1 className="govgr-heading-xl">{t('onboarding.title', { name })}</h1>
          <ErrorSummary title={t('errors.title')} errors={errors} />
          <dl className="govgr-summary-list">
            <SummaryRow term={t('onboarding.submitted')}>{request.submittedAt ? formatDate(request.submittedAt.slice(0, 10)) : ''}</SummaryRow>
            <SummaryRow term={t('onboarding.address')}>{d.address}</SummaryRow>
            <SummaryRow term={t('onboarding.contact')}>{[...(d.phones ?? []), d.email].filter(Boolean).join(', ')}</SummaryRow>
            <SummaryRow term={t('onboarding.modes')}>{d.modes.map((m) => t(`mode.${m}`)).join(', ')}</SummaryRow>
            <SummaryRow term={t('onboarding.units')}>{d.units.map((u) => (greek ? u.nameEl : u.nameEn)).join(', ')}</SummaryRow>
            <SummaryRow term={t('onboarding.services')}>{d.services.map((s) => (greek ? s.nameEl : s.nameEn)).join(', ')}</SummaryRow>
          </dl>
          {request.status !== 'SUBMITTED' ? <p className="govgr-body">{t('onboarding.decided')}</p> : (
            <>
              <form onSubmit={(event) => decide(event, 'approve')} noValidate aria-labelledby="approve-title">
                <h2 className="govgr-heading-m" id="approve-title">{t('onboarding.approve')}</h2>
                <p className="govgr-body">{t('onboarding.approveHint')}</p>
                <TextField id="act-number" label={t('onboarding.actNumber')} hint={t('onboarding.actNumberHint')} value={actNumber}
                  autoComplete="off" onChange={(event) => setActNumber(event.target.value)} error={errorOf('act-number')} />
                <div className={errorOf('act-date') ? 'govgr-field govgr-field__error' : 'govgr-field'}>
                  <label className="govgr-label" htmlFor="act-date">{t('onboarding.actDate')}</label>
                  {errorOf('act-date') && <p className="govgr-error-message" id="act-date-error">{errorOf('act-date')}</p>}
                  <input className="govgr-input" type="date" id="act-date" value={actDate} onChange={(event) => setActDate(event.target.value)}
                    aria-describedby={errorOf('act-date') ? 'act-date-error' : undefined} aria-invalid={errorOf('act-date') ? true : undefined} />
                </div>
                <Button type="submit" aria-disabled={busy}>{t('onboarding.approveSubmit')}</Button>
              </form>
              <form onSubmit={(event) => decide(event, 'reject')} noValidate aria-labelledby="reject-title">
                <h2 className="govgr-heading-m" id="reject-title">{t('onboarding.reject')}</h2>
                <TextField id="reason" label={t('onboarding.reason')} hint={t('onboarding.reasonHint')} value={reason}
                  autoComplete="off" onChange={(event) => setReason(event.target.value)} error={errorOf('reason')} />
                <Button type="submit" variant="warning" aria-disabled={busy}>{t('onboarding.rejectSubmit')}</Button>
              </form>
            </>
          )}
        </>
      )}
    </div>
  );
}

/**
 * Suspending a municipality (REG-1): it is no longer listed or bookable, and nobody is left with a booking that will
 * not happen — every upcoming one is cancelled and each person told the reason given here.
 */
export function SuspendMunicipality() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [municipality, setMunicipality] = useState<MunicipalityStatus | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [sure, setSure] = useState(false);
  const name = municipality ? (i18n.language === 'el' ? municipality.nameEl : municipality.nameEn) : code;
  usePageTitle(`${errors.length > 0 ? `${t('errors.title')}: ` : ''}${t('suspension.title', { name })}`);

  useEffect(() => {
    api<MunicipalityStatus[]>('/api/registry/municipality-statuses')
      .then((all) => setMunicipality(all.find((m) => m.code === code) ?? null))
      .catch((problem) => setFailure(problemText(problem)));
  }, [code]);

  async function suspend(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const missing: FieldError[] = [];
    if (!reason.trim()) missing.push({ id: 'suspension-reason', message: t('suspension.reasonRequired') });
    // cancelling every booking cannot be undone: asked for in so many words (WCAG 3.3.4)
    if (!sure) missing.push({ id: 'suspension-sure', message: t('suspension.sureRequired') });
    setErrors(missing);
    if (missing.length > 0) return;
    setBusy(true);
    try {
      const done = await api<{ cancelledBookings: number }>(`/api/registry/municipalities/${encodeURIComponent(code)}/suspend`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reason: reason.trim() }),
      });
      navigate('/municipalities', { state: { done: t('suspension.done', { name, count: done.cancelledBookings }) } });
    } catch (problem) {
      setBusy(false);
      setErrors([{ id: problem instanceof Problem && (problem.field ?? problem.violations[0]?.field) === 'reason' ? 'suspension-reason' : undefined,
        message: problemText(problem) }]);
    }
  }

  return (
    <div className="govgr-grid-column-two-thirds">
      <Link className="govgr-back-link" to="/municipalities">{t('onboarding.back')}</Link>
      <h1 className="govgr-heading-xl">{t('suspension.title', { name })}</h1>
      {failure && <ErrorSummary title={t('errors.title')} errors={[{ message: failure }]} />}
      {!municipality ? (!failure && <p className="govgr-body" role="status">{t('loading')}</p>)
        : municipality.status !== 'ACTIVE' ? <p className="govgr-body">{t('suspension.notActive')}</p> : (
        <form onSubmit={suspend} noValidate>
          <ErrorSummary title={t('errors.title')} errors={errors} />
          <div className="govgr-warning-text">
            <span className="govgr-warning-text__icon" aria-hidden="true">!</span>
            <strong className="govgr-warning-text__text">
              <span className="govgr-warning-text__assistive">{t('suspension.warning')}: </span>
              {t('suspension.effect')}
            </strong>
          </div>
          <TextField id="suspension-reason" label={t('suspension.reason')} hint={t('suspension.reasonHint')} value={reason}
            maxLength={500} error={errors.find((e) => e.id === 'suspension-reason')?.message}
            onChange={(event) => setReason(event.target.value)} />
          <Checkbox id="suspension-sure" label={t('suspension.sure', { name })} checked={sure} onChange={setSure}
            error={errors.find((e) => e.id === 'suspension-sure')?.message} />
          <Button type="submit" variant="warning" aria-disabled={busy}>{t('suspension.submit')}</Button>
        </form>
      )}
    </div>
  );
}

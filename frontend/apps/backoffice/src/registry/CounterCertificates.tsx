import { api, Problem, problemText, type Certificate, type CertificateType, type CounterCertificateForm } from '@mydimos/api';
import { Button, ErrorSummary, type FieldError, Radios, SummaryRow, TextField, usePageTitle, useSession } from '@mydimos/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

const INPUTS: Record<string, string> = { applicantTaxId: 'applicant-tax-id', subjectTaxId: 'subject-tax-id', type: 'type' };

/**
 * A certificate for the person at the counter (seed 002), whose identity the clerk has checked: for themselves or a
 * minor child of theirs, of a type the clerk's duty covers. It is theirs as if asked online; the clerk prints it.
 */
export function CounterCertificates() {
  const { t } = useTranslation();
  const roles = useSession()?.roles ?? [];
  const types: CertificateType[] = [
    ...(roles.includes('municipal-registry') ? ['FAMILY_STATUS', 'MUNICIPAL_REGISTRATION'] as const : []),
    ...(roles.includes('civil-registry') ? ['BIRTH'] as const : []),
  ];
  const [type, setType] = useState<CertificateType | undefined>();
  const [applicant, setApplicant] = useState('');
  const [subject, setSubject] = useState('');
  const [language, setLanguage] = useState('el');
  const [issued, setIssued] = useState<Certificate | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  usePageTitle(`${errors.length > 0 ? `${t('errors.title')}: ` : ''}${t('counter.title')}`);
  const errorOf = (id: string) => errors.find((e) => e.id === id)?.message;
  const issuedHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (issued) issuedHeading.current?.focus();
  }, [issued]);
  // a change to the form: the certificate shown is no longer the one it describes
  function changed<V>(set: (value: V) => void) {
    return (value: V) => {
      setIssued(null);
      set(value);
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const missing: FieldError[] = [];
    if (!type) missing.push({ id: 'type', message: t('counter.chooseType') });
    if (!/^\d{9}$/.test(applicant.trim())) missing.push({ id: 'applicant-tax-id', message: t('counter.taxIdInvalid') });
    if (subject.trim() && !/^\d{9}$/.test(subject.trim())) missing.push({ id: 'subject-tax-id', message: t('counter.taxIdInvalid') });
    setErrors(missing);
    if (missing.length > 0) return;
    setBusy(true);
    const form: CounterCertificateForm = { type: type!, language, applicantTaxId: applicant.trim(), subjectTaxId: subject.trim() || null };
    try {
      setIssued(await api<Certificate>('/api/registry/counter-certificates', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(form),
      }));
    } catch (failure) {
      setIssued(null);
      setErrors([{ id: failure instanceof Problem && failure.field ? INPUTS[failure.field] : undefined, message: problemText(failure) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="govgr-grid-column-two-thirds">
      <h1 className="govgr-heading-xl">{t('counter.title')}</h1>
      <p className="govgr-body">{t('counter.intro')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary title={t('errors.title')} errors={errors} />
        <Radios name="type" legend={t('counter.type')} legendSize="s" value={type} error={errorOf('type')}
          onChange={changed((value: string) => setType(value as CertificateType))}
          options={types.map((value) => ({ value, label: t(`counter.types.${value}`) }))} />
        <TextField id="applicant-tax-id" label={t('counter.applicant')} hint={t('counter.applicantHint')} value={applicant}
          inputMode="numeric" autoComplete="off" onChange={(event) => changed(setApplicant)(event.target.value)} error={errorOf('applicant-tax-id')} />
        <TextField id="subject-tax-id" label={t('counter.subject')} hint={t('counter.subjectHint')} value={subject}
          inputMode="numeric" autoComplete="off" onChange={(event) => changed(setSubject)(event.target.value)} error={errorOf('subject-tax-id')} />
        <Radios name="language" legend={t('counter.language')} legendSize="s" inline value={language} onChange={changed(setLanguage)}
          options={[{ value: 'el', label: <span lang="el">Ελληνικά</span> }, { value: 'en', label: <span lang="en">English</span> }]} />
        <Button type="submit" aria-disabled={busy}>{t('counter.issue')}</Button>
      </form>
      <div>
        {issued && (
          <>
            <div className="govgr-panel govgr-panel--confirmation">
              <h2 className="govgr-panel__title" tabIndex={-1} ref={issuedHeading}>{t('counter.issued')}</h2>
              <div className="govgr-panel__body">{issued.code}</div>
            </div>
            <dl className="govgr-summary-list">
              <SummaryRow term={t('counter.code')}>{issued.code}</SummaryRow>
              <SummaryRow term={t('counter.type')}>{t(`counter.types.${issued.type}`)}</SummaryRow>
              <SummaryRow term={t('registry.fields.taxId')}>{issued.subjectTaxId}</SummaryRow>
            </dl>
            {issued.download && <a className="govgr-btn govgr-btn-secondary" href={issued.download} download>{t('counter.print')}</a>}
          </>
        )}
      </div>
    </div>
  );
}

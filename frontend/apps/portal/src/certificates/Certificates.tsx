import { Button, ErrorSummary, type FieldError, formatDateTime, Radios, usePageTitle, useSession } from '@mydimos/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, Problem, problemText } from '@mydimos/api';
import type { Certificate, CertificateType } from '@mydimos/api';
import { SignInFirst } from '../session/SignInFirst';

/** The certificates a person can have issued from the Citizen Registry without visiting the office. */
const TYPES: CertificateType[] = ['BIRTH', 'FAMILY_STATUS', 'MUNICIPAL_REGISTRATION'];

/** The person's Citizen Registry certificates: request one, download the PDF (its QR code leads to the verification page). */
export function Certificates() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('certificates.title'));
  const session = useSession();
  const [certificates, setCertificates] = useState<Certificate[] | null>(null);
  const [type, setType] = useState<string | undefined>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<Certificate | null>(null);
  const banner = useRef<HTMLDivElement>(null);
  useEffect(() => banner.current?.focus(), [issued]); // the new certificate is announced, with its code

  useEffect(() => {
    if (!session?.signedIn) return;
    api<Certificate[]>('/api/registry/certificates').then(setCertificates)
      .catch((failure) => setErrors([{ message: problemText(failure) }]));
  }, [session, t, issued]);

  async function request(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!type) {
      setErrors([{ id: 'type', message: t('certificates.chooseType') }]);
      return;
    }
    setBusy(true);
    try {
      setIssued(await api<Certificate>('/api/registry/certificates', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type, language: i18n.language }),
      }));
      setErrors([]);
    } catch (failure) {
      setErrors([{ id: failure instanceof Problem && failure.field === 'type' ? 'type' : undefined,
        message: problemText(failure) }]);
    } finally {
      setBusy(false);
    }
  }

  if (session === null) return <p className="govgr-body" role="status">{t('municipality.loading')}</p>;
  if (!session.signedIn) return <SignInFirst title={t('certificates.title')} text={t('certificates.signInFirst')} />;
  return (
    <div className="govgr-grid-column-two-thirds">
      <Link className="govgr-back-link" to="/bookings">{t('mine.back')}</Link>
      <h1 className="govgr-heading-xl">{t('certificates.title')}</h1>
      <ErrorSummary title={t('errors.title')} errors={errors} />
      {issued && (
        <div className="govgr-notification-banner govgr-notification-banner--success" role="status" tabIndex={-1}
          ref={banner}>
          <div className="govgr-notification-banner__content">
            <p className="govgr-notification-banner__heading">{t('certificates.issued', { code: issued.code })}</p>
          </div>
        </div>
      )}
      <form onSubmit={request} noValidate>
        <Radios name="type" legend={t('certificates.request')} value={type} onChange={setType}
          error={errors.find((e) => e.id === 'type')?.message}
          options={TYPES.map((value) => ({ value, label: t(`certificates.type.${value}`) }))} />
        <Button type="submit" aria-disabled={busy}>{t('certificates.issue')}</Button>
      </form>
      <h2 className="govgr-heading-m">{t('certificates.mine')}</h2>
      {certificates && certificates.length === 0 && <p className="govgr-body">{t('certificates.none')}</p>}
      <ul className="govgr-list">
        {(certificates ?? []).map((c) => (
          <li key={c.code}>
            <a className="govgr-link" href={`/api/registry/certificates/${encodeURIComponent(c.code ?? '')}`} download>
              {t('certificates.download', { type: t(`certificates.type.${c.type}`), when: c.issuedAt ? formatDateTime(c.issuedAt) : '' })}
            </a>{' '}
            <span className="govgr-hint">({t('certificates.code')}: {c.code})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

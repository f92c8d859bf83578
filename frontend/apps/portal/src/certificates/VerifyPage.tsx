import { ErrorSummary, formatDateTime, SummaryRow, usePageTitle } from '@mydimos/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, Problem, problemText } from '@mydimos/api';
import type { Verification } from '@mydimos/api';

/** What anyone who holds a certificate learns from its code (the QR code on the PDF leads here): issued, and still valid? */
export function VerifyPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('verify.title'));
  const [verification, setVerification] = useState<Verification | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<Verification>(`/api/registry/certificate-verifications/${encodeURIComponent(code)}`).then(setVerification)
      .catch((failure) => setError(failure instanceof Problem && (failure.status === 404 || failure.status === 400) ? t('verify.unknown')
        : problemText(failure)));
  }, [code, t]);

  return (
    <div className="govgr-grid-column-two-thirds">
      <h1 className="govgr-heading-xl">{t('verify.title')}</h1>
      {error && <ErrorSummary title={t('errors.title')} errors={[{ message: error }]} />}
      {verification && (
        <>
          <div className={verification.status === 'VALID' ? 'govgr-panel govgr-panel--confirmation' : 'govgr-warning-text'}>
            <p className={verification.status === 'VALID' ? 'govgr-panel__title' : 'govgr-warning-text__text'}>
              {t(`verify.${verification.status}`)}
            </p>
          </div>
          <dl className="govgr-summary-list">
            <SummaryRow term={t('certificates.code')}>{verification.code ?? code}</SummaryRow>
            <SummaryRow term={t('verify.type')}>{t(`certificates.type.${verification.type}`)}</SummaryRow>
            {verification.issuedAt && <SummaryRow term={t('verify.issuedAt')}>{formatDateTime(verification.issuedAt)}</SummaryRow>}
            {verification.holderName && <SummaryRow term={t('verify.holder')}>{verification.holderName}</SummaryRow>}
          </dl>
        </>
      )}
    </div>
  );
}

import { api, problemText, type Booking, type ExOfficioDocument } from '@mydimos/api';
import { Button } from '@mydimos/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What the person brings, and the documents the office retrieves itself (αυτεπάγγελτα, seed 003): on asking, whether
 * the registry holds each one for the person — ready, or to be asked for. Asked per appointment: each record found is
 * logged as read by the clerk.
 */
export function Documents({ booking }: { booking: Booking }) {
  const { t, i18n } = useTranslation();
  const [ready, setReady] = useState<ExOfficioDocument[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const greek = i18n.language === 'el';
  const exOfficio = booking.documents.some((d) => d.exOfficio);
  if (booking.documents.length === 0) return null;

  async function check() {
    try {
      setReady(await api<ExOfficioDocument[]>(`/api/registry/ex-officio-documents?booking=${encodeURIComponent(booking.reference)}`));
      setFailure(null);
    } catch (problem) {
      setFailure(problemText(problem));
    }
  }

  return (
    <details className="govgr-details">
      <summary className="govgr-details__summary">
        <span className="govgr-details__summary-text">{t('documents.summary', { count: booking.documents.length })}</span>
      </summary>
      <ul className="govgr-list govgr-list--bullet">
        {booking.documents.map((d, i) => {
          const name = (greek ? d.nameEl : d.nameEn) ?? '';
          const found = ready?.find((r) => r.nameEl === d.nameEl);
          return (
            <li key={i}>
              {name}
              {d.exOfficio && <> — <strong>{found ? t(found.ready ? 'documents.ready' : 'documents.notReady') : t('documents.exOfficio')}</strong></>}
            </li>
          );
        })}
      </ul>
      {exOfficio && !ready && booking.person?.taxId && (
        <Button type="button" variant="secondary" onClick={check}
          aria-label={t('documents.checkFor', { name: booking.person?.fullName ?? booking.reference })}>{t('documents.check')}</Button>
      )}
      {failure && <p className="govgr-error-message" role="alert">{failure}</p>}
      <p className="govgr-visually-hidden" role="status">{ready ? t('documents.checked') : ''}</p>
    </details>
  );
}

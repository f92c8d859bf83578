import { api, problemText, type Booking } from '@mydimos/api';
import { Button, ErrorSummary, formatDateTime, SummaryRow, TextField } from '@mydimos/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Messages } from './Messages';

/** A booking found by the reference a caller reads out on the phone (only the employee's municipality's). */
export function FindBooking({ serviceName }: { serviceName: (id: string) => string }) {
  const { t } = useTranslation();
  const [reference, setReference] = useState('');
  const [found, setFound] = useState<Booking | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function find(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const wanted = reference.trim().toUpperCase();
    if (!wanted) {
      setError(t('find.required'));
      return;
    }
    setBusy(true);
    try {
      setFound(await api<Booking>(`/api/bookings/${encodeURIComponent(wanted)}`));
      setError(null);
    } catch (failure) {
      setFound(null);
      setError(problemText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="find-title">
      <h2 className="govgr-heading-m" id="find-title">{t('find.title')}</h2>
      <form onSubmit={find} noValidate className="mydimos-filters">
        <TextField id="reference" label={t('find.reference')} hint={t('find.hint')} value={reference} autoComplete="off"
          onChange={(event) => setReference(event.target.value)} error={error ?? undefined} />
        <Button type="submit" variant="secondary" aria-disabled={busy}>{t('find.submit')}</Button>
      </form>
      {error && <ErrorSummary title={t('errors.title')} errors={[{ id: 'reference', message: error }]} />}
      <div aria-live="polite">
        {found && (
          <dl className="govgr-summary-list">
            <SummaryRow term={t('find.reference')}>{found.reference}</SummaryRow>
            <SummaryRow term={t('agenda.columns.time')}>{formatDateTime(found.start)}</SummaryRow>
            <SummaryRow term={t('agenda.columns.service')}>{serviceName(found.service)}</SummaryRow>
            <SummaryRow term={t('agenda.columns.mode')}>{t(`mode.${found.mode}`)}</SummaryRow>
            <SummaryRow term={t('agenda.columns.person')}>
              {[found.person?.fullName, found.person?.taxId ? t('agenda.taxId', { taxId: found.person.taxId }) : null,
                found.person?.phone].filter(Boolean).join(', ')}
            </SummaryRow>
            <SummaryRow term={t('agenda.columns.status')}>{t(`status.${found.status}`)}</SummaryRow>
          </dl>
        )}
      </div>
      {found && <Messages reference={found.reference} />}
    </section>
  );
}

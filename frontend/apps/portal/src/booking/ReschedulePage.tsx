import { Button, ErrorSummary, formatDateTime, type FieldError, SlotPicker, usePageTitle } from '@mydimos/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, Problem, problemText } from '@mydimos/api';
import type { Booking } from '@mydimos/api';

/**
 * A new time for a booking, the same service and way; until the cut-off. Any employee's free time may be chosen: the
 * platform keeps the booking's employee when they are free then, and assigns another who is otherwise.
 */
export function ReschedulePage() {
  const { reference = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('reschedule.title'));
  const navigate = useNavigate();
  const [booking, setBooking] = useState<Booking | null>(null);
  const [start, setStart] = useState<string | undefined>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [refresh, setRefresh] = useState(0);

  useEffect(() => {
    api<Booking>(`/api/bookings/${encodeURIComponent(reference)}`).then(setBooking)
      .catch((failure) => setErrors([{ message: problemText(failure) }]));
  }, [reference, t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!start) {
      setErrors([{ id: 'start', message: t('book.chooseTime') }]);
      return;
    }
    setBusy(true);
    try {
      const moved = await api<Booking>(`/api/bookings/${encodeURIComponent(reference)}/reschedule`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ start }),
      });
      navigate(`/bookings/${moved.reference}`, { state: { notice: { key: 'booking.rescheduled', params: { when: formatDateTime(moved.start) } } } });
    } catch (failure) {
      if (failure instanceof Problem && failure.type.endsWith('/slot-unavailable')) {
        setRefresh((n) => n + 1);
        setStart(undefined);
        setErrors([{ id: 'start', message: t('book.taken') }]);
      } else {
        setErrors([{ message: problemText(failure) }]);
      }
      setBusy(false);
    }
  }

  return (
    <div className="govgr-grid-column-two-thirds">
      <Link className="govgr-back-link" to={`/bookings/${reference}`}>{t('reschedule.back')}</Link>
      <h1 className="govgr-heading-xl">{t('reschedule.title')}</h1>
      <ErrorSummary title={t('errors.title')} errors={errors} />
      {booking && (
        <form onSubmit={submit} noValidate>
          <p className="govgr-body">{t('reschedule.now', { when: formatDateTime(booking.start) })}</p>
          <SlotPicker municipality={booking.municipality} service={booking.service} mode={booking.mode} value={start}
            refresh={refresh} error={errors.find((e) => e.id === 'start')?.message} onChange={setStart} />
          <Button type="submit" aria-disabled={busy}>{t('reschedule.submit')}</Button>
        </form>
      )}
    </div>
  );
}

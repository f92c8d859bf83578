import { api, Problem, problemText, type Booking } from '@mydimos/api';
import { Button, ErrorSummary, type FieldError, formatDateTime, SlotPicker, SummaryRow, usePageTitle } from '@mydimos/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { useWorkplace } from '../workplace/Workplace';
import { useCaller } from './CallerDesk';
import { bookingsOf } from './CallerPage';

/** A new time for the person's booking, as they ask on the phone or at the counter (no cut-off for staff). */
export function RescheduleForCaller() {
  const { reference = '' } = useParams();
  const { t } = useTranslation();
  const { serviceName } = useWorkplace();
  const { caller, setCaller, setDone } = useCaller();
  const navigate = useNavigate();
  // what was done for the person before is not news when they come back from here
  useEffect(() => setDone(''), [setDone]);
  const [booking, setBooking] = useState<Booking | null>(null);
  const [start, setStart] = useState<string | undefined>();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [taken, setTaken] = useState(0);
  usePageTitle(t('rescheduleFor.title'));

  useEffect(() => {
    api<Booking>(`/api/bookings/${encodeURIComponent(reference)}`).then(setBooking)
      .catch((failure) => setErrors([{ message: problemText(failure) }]));
  }, [reference]);

  if (!caller) return <Navigate to="/callers" replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !caller) return;
    if (!start) {
      setErrors([{ id: 'start', message: t('bookFor.chooseTime') }]);
      return;
    }
    setBusy(true);
    try {
      const moved = await api<Booking>(`/api/bookings/${encodeURIComponent(reference)}/reschedule`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ start, channel: caller.channel }),
      });
      setCaller({ ...caller, bookings: await bookingsOf(caller.taxId).catch(() => caller.bookings) });
      setDone(t('rescheduleFor.done', { what: serviceName(moved.service), when: formatDateTime(moved.start) }));
      navigate('/callers');
    } catch (failure) {
      setBusy(false);
      if (failure instanceof Problem && failure.type.endsWith('/slot-unavailable')) {
        setTaken((n) => n + 1);
        setStart(undefined);
        setErrors([{ id: 'start', message: t('bookFor.taken') }]);
      } else {
        setErrors([{ message: problemText(failure) }]);
      }
    }
  }

  return (
    <div className="govgr-grid-column-two-thirds">
      <Link className="govgr-back-link" to="/callers">{t('bookFor.back')}</Link>
      <span className="govgr-caption-l">{t('bookFor.caption', { taxId: caller.taxId, channel: t(`channel.${caller.channel}`) })}</span>
      <h1 className="govgr-heading-xl">{t('rescheduleFor.title')}</h1>
      <ErrorSummary title={t('errors.title')} errors={errors} />
      {booking && (
        <form onSubmit={submit} noValidate>
          <dl className="govgr-summary-list">
            <SummaryRow term={t('callers.columns.service')}>{serviceName(booking.service)}</SummaryRow>
            <SummaryRow term={t('callers.columns.mode')}>{t(`mode.${booking.mode}`)}</SummaryRow>
            <SummaryRow term={t('rescheduleFor.now')}>{formatDateTime(booking.start)}</SummaryRow>
          </dl>
          <SlotPicker municipality={booking.municipality} service={booking.service} mode={booking.mode}
            value={start} refresh={taken} error={errors.find((e) => e.id === 'start')?.message}
            onChange={setStart} />
          <Button type="submit" aria-disabled={busy}>{t('rescheduleFor.submit')}</Button>
        </form>
      )}
    </div>
  );
}

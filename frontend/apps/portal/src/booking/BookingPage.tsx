import { Button, ErrorSummary, formatDateTime, formatDay, formatTime, SummaryRow, usePageTitle, useSession } from '@mydimos/ui';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api, problemText } from '@mydimos/api';
import type { Booking, DeliveryEntry, Municipality, ServiceTerms } from '@mydimos/api';
import { SignInFirst } from '../session/SignInFirst';
import { icsOf } from './ics';

/** A message of the page, by its key and values, so that it follows the page's language. */
export interface Notice {
  key: string;
  params?: Record<string, string>;
}

/**
 * One booking (the page the confirmation, «Τα ραντεβού μου» and the mails lead to): the reference large, when, where
 * or how, what to bring; rescheduling and cancelling until the cut-off, or why no longer; a proposed transfer to
 * accept or decline; the messages sent about it.
 */
export function BookingPage() {
  const { reference = '' } = useParams();
  const { t, i18n } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [booking, setBooking] = useState<Booking | null>(null);
  const [municipality, setMunicipality] = useState<Municipality | null>(null);
  const [service, setService] = useState<ServiceTerms | null>(null);
  const [deliveries, setDeliveries] = useState<DeliveryEntry[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  // what was done, said in the page's language whenever it changes (a key and its values, not words)
  const [notice, setNotice] = useState<Notice | null>((location.state as { notice?: Notice } | null)?.notice ?? null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [confirmingDecline, setConfirmingDecline] = useState(false);
  const [busy, setBusy] = useState(false);
  const [calendar, setCalendar] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const justBooked = (location.state as { justBooked?: boolean } | null)?.justBooked === true;
  const greek = i18n.language === 'el';
  usePageTitle(justBooked ? t('booking.booked') : booking ? `${t('booking.reference')} ${booking.reference}` : undefined);

  const readDeliveries = useCallback(() => {
    api<DeliveryEntry[]>(`/api/notifications?booking=${encodeURIComponent(reference)}`).then(setDeliveries).catch(() => setDeliveries([]));
  }, [reference]);

  useEffect(() => {
    if (!session?.signedIn) return;
    api<Booking>(`/api/bookings/${encodeURIComponent(reference)}`)
      .then(async (found) => {
        setBooking(found);
        const code = encodeURIComponent(found.municipality);
        const [m, services] = await Promise.all([api<Municipality>(`/api/registry/municipalities/${code}`),
          api<ServiceTerms[]>(`/api/registry/municipalities/${code}/services`)]);
        setMunicipality(m);
        // a service no longer offered still has its booking: named by its id then
        setService(services.find((s) => s.id === found.service) ?? { id: found.service, unitId: '', nameEl: found.service,
          nameEn: found.service, modes: [], bufferMinutes: 0 });
      })
      .catch((failure) => setLoadError(problemText(failure)));
    readDeliveries();
  }, [reference, session, readDeliveries]);

  const unit = useMemo(() => municipality?.units.find((u) => u.id === booking?.unit?.id), [municipality, booking]);
  useEffect(() => {
    if (!booking || !service || !municipality) return undefined;
    const summary = `${greek ? service.nameEl : service.nameEn} – ${greek ? municipality.nameEl : municipality.nameEn}`;
    const where = booking.mode === 'VIDEO' ? booking.videoLink ?? '' : booking.mode === 'PHONE' ? t('mode.PHONE') : unit?.address ?? municipality.address ?? '';
    const url = URL.createObjectURL(new Blob([icsOf(booking, summary, where)], { type: 'text/calendar' }));
    setCalendar(url);
    return () => URL.revokeObjectURL(url);
  }, [booking, service, municipality, unit, greek, t]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus(); // what was done is read out, and the keyboard is there
  }, [notice]);

  if (session === null) return <p className="govgr-body" role="status">{t('municipality.loading')}</p>;
  if (!session.signedIn) return <SignInFirst title={t('mine.title')} text={t('mine.signInFirst')} />;
  if (loadError) {
    return (
      <div className="govgr-grid-column-two-thirds">
        <Link className="govgr-back-link" to="/bookings">{t('mine.back')}</Link>
        <h1 className="govgr-heading-xl">{t('booking.reference')} {reference}</h1>
        <ErrorSummary title={t('errors.title')} errors={[{ message: loadError }]} />
      </div>
    );
  }
  if (!booking || !municipality || !service) return <p className="govgr-body" role="status">{t('municipality.loading')}</p>;

  const confirmed = booking.status === 'CONFIRMED';
  const changeable = confirmed && new Date() < new Date(booking.changeableUntil);
  const bring = booking.documents.filter((d) => !d.exOfficio);
  const retrieved = booking.documents.filter((d) => d.exOfficio);

  const closing = booking.proposedTransfer?.cancelsIfUnanswered ?? false;

  async function act(path: string, done: string) {
    if (busy) return;
    setBusy(true);
    try {
      await api<unknown>(`/api/bookings/${encodeURIComponent(reference)}/${path}`, { method: 'POST' });
      // read again: a declined transfer answers with the transfer, and the messages have changed too
      setBooking(await api<Booking>(`/api/bookings/${encodeURIComponent(reference)}`));
      readDeliveries();
      setNotice({ key: done });
      setActionError(null);
    } catch (failure) {
      setActionError(problemText(failure));
    } finally {
      setBusy(false);
      setConfirmingCancel(false);
      setConfirmingDecline(false);
    }
  }

  return (
    <div className="govgr-grid-column-two-thirds">
      <Link className="govgr-back-link" to="/bookings">{t('mine.back')}</Link>
      {justBooked ? (
        <div className="govgr-panel govgr-panel--confirmation">
          <h1 className="govgr-panel__title">{t('booking.booked')}</h1>
          <div className="govgr-panel__body">
            {t('booking.reference')}<br /><strong>{booking.reference}</strong>
          </div>
        </div>
      ) : (
        <>
          <span className="govgr-caption-l">{t('booking.reference')} <strong>{booking.reference}</strong></span>
          <h1 className="govgr-heading-xl">{greek ? service.nameEl : service.nameEn}</h1>
        </>
      )}
      {actionError && <ErrorSummary title={t('errors.title')} errors={[{ message: actionError }]} />}
      {notice && <div className="govgr-notification-banner govgr-notification-banner--success" role="status" tabIndex={-1} ref={noticeRef}>
        <div className="govgr-notification-banner__content">
          <p className="govgr-notification-banner__heading">{t(notice.key, notice.params ?? {})}</p>
        </div>
      </div>}
      {justBooked && <p className="govgr-body">{t('booking.mailSent')}</p>}

      {booking.proposedTransfer && confirmed && (
        <section className="govgr-notification-banner" aria-labelledby="transfer-title">
          <div className="govgr-notification-banner__content">
            <h2 className="govgr-notification-banner__heading" id="transfer-title">{t('booking.transferTitle')}</h2>
            {/* a closure's proposal: the booked time is closed, so declining or not answering cancels the booking */}
            <p className="govgr-body">{t(closing ? 'booking.transferTextClosure' : 'booking.transferText', {
              when: formatDateTime(booking.proposedTransfer.start), reason: booking.proposedTransfer.reason,
              until: formatDateTime(booking.proposedTransfer.expiresAt) })}</p>
            <Button aria-disabled={busy} onClick={() => act('transfer/accept', 'booking.transferAccepted')}>{t('booking.accept')}</Button>{' '}
            {confirmingDecline ? (
              // declining a closure's proposal cancels the booking: asked once more, as a cancellation is
              <div className="govgr-warning-text" role="alert">
                <p className="govgr-warning-text__text">{t('booking.declineClosureSure')}</p>
                <Button variant="warning" autoFocus aria-disabled={busy}
                  onClick={() => act('transfer/decline', 'booking.transferDeclinedClosure')}>{t('booking.declineClosureYes')}</Button>{' '}
                <Button variant="secondary" onClick={() => setConfirmingDecline(false)}>{t('booking.cancelNo')}</Button>
              </div>
            ) : (
              <Button variant={closing ? 'warning' : 'secondary'} aria-disabled={busy}
                onClick={() => (closing ? setConfirmingDecline(true) : act('transfer/decline', 'booking.transferDeclined'))}>
                {t(closing ? 'booking.declineClosure' : 'booking.decline')}
              </Button>
            )}
          </div>
        </section>
      )}

      <dl className="govgr-summary-list">
        <SummaryRow term={t('booking.status')}>{t(`status.${booking.status}`)}</SummaryRow>
        {booking.cancellationReason && (
          <SummaryRow term={t('booking.cancellationReason')}>
            {booking.cancellationReason}{' '}
            <Link className="govgr-link" to={`/municipalities/${encodeURIComponent(booking.municipality)}`}>{t('booking.bookAgain')}</Link>
          </SummaryRow>
        )}
        <SummaryRow term={t('book.service')}>{greek ? service.nameEl : service.nameEn}</SummaryRow>
        <SummaryRow term={t('booking.municipality')}>{greek ? municipality.nameEl : municipality.nameEn}</SummaryRow>
        <SummaryRow term={t('book.dateTime')}>{`${formatDay(booking.start)}, ${formatTime(booking.start)}–${formatTime(booking.end)}`}</SummaryRow>
        <SummaryRow term={t('book.mode')}>{t(`mode.${booking.mode}`)}</SummaryRow>
        {booking.mode === 'IN_PERSON' && (
          <SummaryRow term={t('booking.where')}>{[unit ? (greek ? unit.nameEl : unit.nameEn) : null, unit?.address ?? municipality.address]
            .filter(Boolean).join(', ')}</SummaryRow>
        )}
        {booking.mode === 'VIDEO' && booking.videoLink && (
          <SummaryRow term={t('booking.link')}>
            <a className="govgr-link" href={booking.videoLink}>{booking.videoLink}</a>
            {(booking.status === 'CONFIRMED' || booking.status === 'CHECKED_IN') && (
              <> <br /><Link className="govgr-link" to="/device-check">{t('booking.deviceCheck')}</Link></>
            )}
          </SummaryRow>
        )}
        {booking.mode === 'PHONE' && <SummaryRow term={t('booking.call')}>{t('booking.callText', { phone: booking.person?.phone ?? '' })}</SummaryRow>}
        {booking.person?.fullName && <SummaryRow term={t('booking.person')}>{booking.person.fullName}</SummaryRow>}
        {booking.businessTaxId && <SummaryRow term={t('booking.business')}>{booking.businessTaxId}</SummaryRow>}
        {booking.specialRequirements && (booking.specialRequirements.signLanguage || booking.specialRequirements.lipReading
          || booking.specialRequirements.thirdPartyEmail) && (
          <SummaryRow term={t('book.needs')}>{[booking.specialRequirements.signLanguage ? t('book.signLanguage') : null,
            booking.specialRequirements.lipReading ? t('book.lipReading') : null,
            booking.specialRequirements.thirdPartyEmail ? t('booking.thirdParty', { email: booking.specialRequirements.thirdPartyEmail }) : null]
            .filter(Boolean).join('; ')}</SummaryRow>
        )}
      </dl>

      {bring.length > 0 && <>
        <h2 className="govgr-heading-m">{t('municipality.bring')}</h2>
        <ul className="govgr-list govgr-list--bullet">{bring.map((d) => <li key={d.nameEn}>{greek ? d.nameEl : d.nameEn}</li>)}</ul>
      </>}
      {retrieved.length > 0 && <>
        <h2 className="govgr-heading-m">{t('municipality.exOfficio')}</h2>
        <ul className="govgr-list govgr-list--bullet">{retrieved.map((d) => <li key={d.nameEn}>{greek ? d.nameEl : d.nameEn}</li>)}</ul>
      </>}

      {calendar && confirmed && (
        <p className="govgr-body"><a className="govgr-link" href={calendar} download={`${booking.reference}.ics`}>{t('booking.ics')}</a></p>
      )}

      {confirmed && (
        <>
          <h2 className="govgr-heading-m">{t('booking.change')}</h2>
          {changeable ? (
            <>
              <p className="govgr-body">{t('booking.changeUntil', { until: formatDateTime(booking.changeableUntil) })}</p>
              <Link className="govgr-btn govgr-btn-secondary" to={`/bookings/${booking.reference}/reschedule`}>{t('booking.reschedule')}</Link>{' '}
              {confirmingCancel ? (
                <div className="govgr-warning-text" role="alert">
                  <p className="govgr-warning-text__text">{t('booking.cancelSure')}</p>
                  <Button variant="warning" autoFocus aria-disabled={busy} onClick={() => act('cancel', 'booking.cancelled')}>{t('booking.cancelYes')}</Button>{' '}
                  <Button variant="secondary" onClick={() => setConfirmingCancel(false)}>{t('booking.cancelNo')}</Button>
                </div>
              ) : (
                <Button variant="warning" onClick={() => setConfirmingCancel(true)}>{t('booking.cancel')}</Button>
              )}
            </>
          ) : (
            <p className="govgr-body">{t('booking.cutOffPassed', { phones: [unit?.phones?.join(', '), municipality.phones?.join(', ')].find(Boolean) ?? '' })}</p>
          )}
        </>
      )}

      <h2 className="govgr-heading-m">{t('booking.messages')}</h2>
      {deliveries.length === 0 ? <p className="govgr-body">{t('booking.noMessages')}</p> : (
        <table className="govgr-table govgr-table--dense">
          <caption className="govgr-table__caption govgr-visually-hidden">{t('booking.messages')}</caption>
          <thead className="govgr-table__head"><tr className="govgr-table__row">
            <th scope="col" className="govgr-table__header">{t('booking.message')}</th>
            <th scope="col" className="govgr-table__header">{t('booking.recipient')}</th>
            <th scope="col" className="govgr-table__header">{t('booking.delivery')}</th>
          </tr></thead>
          <tbody className="govgr-table__body">
            {deliveries.map((d, i) => (
              <tr className="govgr-table__row" key={i}>
                <td className="govgr-table__cell">{d.kind ? t(`kind.${d.kind}`) : ''}</td>
                <td className="govgr-table__cell">{d.to ? t(`recipient.${d.to}`) : ''}</td>
                <td className="govgr-table__cell">{d.status ? t(`delivery.${d.status}`) : ''}{d.sentAt ? ` – ${formatDateTime(d.sentAt)}`
                  : d.status === 'PENDING' && d.dueAt ? ` – ${formatDateTime(d.dueAt)}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

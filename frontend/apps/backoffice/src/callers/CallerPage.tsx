import { api, Problem, problemText, type Booking, type Me } from '@mydimos/api';
import { Button, ErrorSummary, formatDate, formatDateTime, Radios, SummaryRow, TextField, usePageTitle } from '@mydimos/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkplace } from '../workplace/Workplace';
import { useCaller, type Channel } from './CallerDesk';

/** Reads a person's bookings of the municipality the clerk works in. */
export function bookingsOf(taxId: string): Promise<Booking[]> {
  return api<Booking[]>(`/api/bookings/of-person?taxId=${encodeURIComponent(taxId)}`);
}

type Asked = 'cancel' | 'transfer/decline';

/**
 * Serving a person who phones or comes to the counter: found by tax number (the registry read logged with the clerk
 * and why), their details to pre-fill, their bookings here — to move, cancel, or answer a proposed transfer for them —
 * and a new booking for them.
 */
export function CallerPage() {
  const { t, i18n } = useTranslation();
  const { municipality, serviceName } = useWorkplace();
  const { caller, setCaller, done, setDone } = useCaller();
  const [taxId, setTaxId] = useState(caller?.taxId ?? '');
  const [channel, setChannel] = useState<Channel>(caller?.channel ?? 'PHONE');
  const [errors, setErrors] = useState<{ id?: string; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  // a change asked once more before it is made: cancelling, or the person's no to a transfer (which cancels too)
  const [confirming, setConfirming] = useState<{ reference: string; action: Asked } | null>(null);
  const [restore, setRestore] = useState<string | null>(null);
  const doneMessage = useRef<HTMLParagraphElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  usePageTitle(t('callers.title'));
  const greek = i18n.language === 'el';

  async function find(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const wanted = taxId.replace(/\s/g, '');
    setDone('');
    if (!/^\d{9}$/.test(wanted)) {
      setCaller(null); // nothing of the person served before stays on screen
      setErrors([{ id: 'tax-id', message: t('callers.taxIdInvalid') }]);
      return;
    }
    setBusy(true);
    try {
      const reason = t(`callers.reason.${channel}`);
      const [record, bookings] = await Promise.all([
        api<Me>(`/api/registry/people/${wanted}?reason=${encodeURIComponent(reason)}`)
          .catch((failure) => {
            if (failure instanceof Problem && failure.type.endsWith('/no-registry-record')) return null;
            throw failure;
          }),
        bookingsOf(wanted),
      ]);
      setCaller({ taxId: wanted, channel, record, bookings });
      setErrors([]);
    } catch (failure) {
      setCaller(null);
      setErrors([{ id: failure instanceof Problem && failure.field === 'taxId' ? 'tax-id' : undefined, message: problemText(failure) }]);
    } finally {
      setBusy(false);
    }
  }

  async function act(booking: Booking, action: 'cancel' | 'transfer/accept' | 'transfer/decline', message: string) {
    if (busy || !caller) return;
    setBusy(true);
    try {
      await api<unknown>(`/api/bookings/${encodeURIComponent(booking.reference)}/${action}?channel=${caller.channel}`, { method: 'POST' });
      setCaller({ ...caller, bookings: await bookingsOf(caller.taxId) });
      setDone(message);
      setErrors([]);
    } catch (failure) {
      setErrors([{ message: problemText(failure) }]);
    } finally {
      setConfirming(null);
      setBusy(false);
    }
  }

  // what was just done (here, or on the booking and reschedule pages) is where the keyboard and a screen reader go
  useEffect(() => {
    if (done) doneMessage.current?.focus();
  }, [done]);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  // not confirmed: back to the button that asked
  useEffect(() => {
    if (restore) document.querySelector<HTMLElement>(`[data-asks="${restore}"]`)?.focus();
  }, [restore]);

  function ask(reference: string, action: Asked) {
    setRestore(null);
    setConfirming({ reference, action });
  }

  function keep() {
    if (confirming) setRestore(`${confirming.reference} ${confirming.action}`);
    setConfirming(null);
  }

  const now = Date.now();
  const isComing = (b: Booking) => b.status === 'CONFIRMED' && new Date(b.start).getTime() > now;
  const coming = (caller?.bookings ?? []).filter(isComing);
  // the rest newest first: what happened lately is what a caller asks about
  const others = (caller?.bookings ?? []).filter((b) => !isComing(b)).reverse();

  function actions(b: Booking) {
    const what = `${serviceName(b.service)}, ${formatDateTime(b.start)}`;
    if (confirming?.reference === b.reference) {
      const { action } = confirming;
      return (
        <>
          <button type="button" ref={confirmButton} className="govgr-btn govgr-btn-warning" aria-disabled={busy}
            onClick={() => act(b, action, t(action === 'cancel' ? 'callers.cancelled' : 'callers.declined', { what }))}>
            {t(action === 'cancel' ? 'callers.confirmCancel' : 'callers.confirmDecline', { what })}
          </button>{' '}
          <Button variant="secondary" onClick={keep}>{t('callers.keep')}</Button>
        </>
      );
    }
    return (
      <>
        {b.proposedTransfer && (
          <>
            <Button variant="secondary" aria-disabled={busy} aria-label={t('callers.acceptFor', { what })}
              onClick={() => act(b, 'transfer/accept', t('callers.accepted', { what }))}>{t('callers.accept')}</Button>{' '}
            <Button variant="secondary" aria-label={t('callers.declineFor', { what })} data-asks={`${b.reference} transfer/decline`}
              onClick={() => ask(b.reference, 'transfer/decline')}>{t('callers.decline')}</Button>{' '}
          </>
        )}
        <Link className="govgr-btn govgr-btn-secondary" to={`bookings/${b.reference}/reschedule`}
          aria-label={t('callers.rescheduleFor', { what })}>{t('callers.reschedule')}</Link>{' '}
        <Button variant="secondary" aria-label={t('callers.cancelFor', { what })} data-asks={`${b.reference} cancel`}
          onClick={() => ask(b.reference, 'cancel')}>{t('callers.cancel')}</Button>
      </>
    );
  }

  function table(bookings: Booking[], caption: string) {
    return (
      <table className="govgr-table govgr-table--dense govgr-table--stacked-m">
        <caption className="govgr-table__caption govgr-table__caption--s">{caption}</caption>
        <thead className="govgr-table__head"><tr className="govgr-table__row">
          {['when', 'service', 'mode', 'status', 'actions'].map((column) => (
            <th scope="col" className="govgr-table__header" key={column}>{t(`callers.columns.${column}`)}</th>
          ))}
        </tr></thead>
        <tbody className="govgr-table__body">
          {bookings.map((b) => (
            <tr className="govgr-table__row" key={b.reference}>
              <td className="govgr-table__cell" data-label={t('callers.columns.when')}>
                {formatDateTime(b.start)}<br /><span className="mydimos-note">{b.reference}</span>
              </td>
              <td className="govgr-table__cell" data-label={t('callers.columns.service')}>{serviceName(b.service)}</td>
              <td className="govgr-table__cell" data-label={t('callers.columns.mode')}>{t(`mode.${b.mode}`)}</td>
              <td className="govgr-table__cell" data-label={t('callers.columns.status')}>
                {t(`status.${b.status}`)}
                {b.proposedTransfer && isComing(b) && (
                  <><br /><strong>{t('callers.transfer', { start: formatDateTime(b.proposedTransfer.start) })}</strong>
                    <br /><span className="mydimos-note">{b.proposedTransfer.reason}</span></>
                )}
              </td>
              <td className="govgr-table__cell" data-label={t('callers.columns.actions')}>{isComing(b) && actions(b)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  const record = caller?.record;
  return (
    <div className="mydimos-full-width">
      <span className="govgr-caption-l">{municipality ? (greek ? municipality.nameEl : municipality.nameEn) : ''}</span>
      <h1 className="govgr-heading-xl">{t('callers.title')}</h1>
      <ErrorSummary title={t('errors.title')} errors={errors} />
      <form onSubmit={find} noValidate className="govgr-grid-column-two-thirds">
        <Radios name="channel" legend={t('callers.channel')} legendSize="s" inline value={channel}
          onChange={(value) => {
            setChannel(value as Channel);
            if (caller) setCaller({ ...caller, channel: value as Channel }); // what is done from now on says so
          }}
          options={[{ value: 'PHONE', label: t('channel.PHONE') }, { value: 'COUNTER', label: t('channel.COUNTER') }]} />
        <TextField id="tax-id" label={t('callers.taxId')} hint={t('callers.taxIdHint')} value={taxId} inputMode="numeric"
          autoComplete="off" onChange={(event) => setTaxId(event.target.value)}
          error={errors.find((e) => e.id === 'tax-id')?.message} />
        <Button type="submit" aria-disabled={busy}>{t('callers.find')}</Button>
      </form>

      {caller && (
        <>
          <h2 className="govgr-heading-m">{t('callers.details')}</h2>
          {record ? (
            <dl className="govgr-summary-list">
              <SummaryRow term={t('callers.name')}>{[record.firstName, record.lastName].filter(Boolean).join(' ')}</SummaryRow>
              <SummaryRow term={t('callers.fatherName')}>{record.fatherName}</SummaryRow>
              <SummaryRow term={t('callers.birthDate')}>{record.birthDate ? formatDate(record.birthDate) : ''}</SummaryRow>
              <SummaryRow term={t('callers.address')}>{[record.address, record.postalCode].filter(Boolean).join(', ')}</SummaryRow>
              <SummaryRow term={t('callers.email')}>{record.email}</SummaryRow>
              <SummaryRow term={t('callers.mobile')}>{record.mobile}</SummaryRow>
            </dl>
          ) : <p className="govgr-body">{t('callers.noRecord')}</p>}
          <p className="govgr-hint">{t('callers.readLogged')}</p>
          <Link className="govgr-btn govgr-btn-primary" to="book">{t('callers.book')}</Link>

          <h2 className="govgr-heading-m">{t('callers.bookings')}</h2>
          {done && <p className="govgr-body mydimos-done" tabIndex={-1} ref={doneMessage}>{done}</p>}
          {coming.length === 0 ? <p className="govgr-body">{t('callers.noBookings')}</p> : table(coming, t('callers.coming'))}
          {others.length > 0 && (
            <details className="govgr-details">
              <summary className="govgr-details__summary">
                <span className="govgr-details__summary-text">{t('callers.others', { count: others.length })}</span>
              </summary>
              <div>{table(others, t('callers.othersCaption'))}</div>
            </details>
          )}
        </>
      )}
    </div>
  );
}

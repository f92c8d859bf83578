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
  const [confirming, setConfirming] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('callers.title'));
  const greek = i18n.language === 'el';

  async function find(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const wanted = taxId.replace(/\s/g, '');
    if (!/^\d{9}$/.test(wanted)) {
      setErrors([{ id: 'tax-id', message: t('callers.taxIdInvalid') }]);
      return;
    }
    setBusy(true);
    setDone('');
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

  // after an action the keyboard goes back to the list, whose status line says what was done
  useEffect(() => {
    if (done) heading.current?.focus();
  }, [done]);

  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const now = Date.now();
  const isComing = (b: Booking) => b.status === 'CONFIRMED' && new Date(b.start).getTime() > now;
  const coming = (caller?.bookings ?? []).filter(isComing);
  // the rest newest first: what happened lately is what a caller asks about
  const others = (caller?.bookings ?? []).filter((b) => !isComing(b)).reverse();

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
          {bookings.map((b) => {
            const upcoming = isComing(b);
            const what = `${serviceName(b.service)}, ${formatDateTime(b.start)}`;
            return (
              <tr className="govgr-table__row" key={b.reference}>
                <td className="govgr-table__cell" data-label={t('callers.columns.when')}>
                  {formatDateTime(b.start)}<br /><span className="mydimos-note">{b.reference}</span>
                </td>
                <td className="govgr-table__cell" data-label={t('callers.columns.service')}>{serviceName(b.service)}</td>
                <td className="govgr-table__cell" data-label={t('callers.columns.mode')}>{t(`mode.${b.mode}`)}</td>
                <td className="govgr-table__cell" data-label={t('callers.columns.status')}>
                  {t(`status.${b.status}`)}
                  {b.proposedTransfer && upcoming && (
                    <><br /><strong>{t('callers.transfer', { start: formatDateTime(b.proposedTransfer.start) })}</strong>
                      <br /><span className="mydimos-note">{b.proposedTransfer.reason}</span></>
                  )}
                </td>
                <td className="govgr-table__cell" data-label={t('callers.columns.actions')}>
                  {upcoming && b.proposedTransfer && (
                    <>
                      <Button variant="secondary" aria-disabled={busy} aria-label={t('callers.acceptFor', { what })}
                        onClick={() => act(b, 'transfer/accept', t('callers.accepted', { what }))}>{t('callers.accept')}</Button>{' '}
                      <Button variant="secondary" aria-disabled={busy} aria-label={t('callers.declineFor', { what })}
                        onClick={() => act(b, 'transfer/decline', t('callers.declined', { what }))}>{t('callers.decline')}</Button>{' '}
                    </>
                  )}
                  {upcoming && confirming !== b.reference && (
                    <>
                      <Link className="govgr-btn govgr-btn-secondary" to={`bookings/${b.reference}/reschedule`}
                        aria-label={t('callers.rescheduleFor', { what })}>{t('callers.reschedule')}</Link>{' '}
                      <Button variant="secondary" aria-label={t('callers.cancelFor', { what })}
                        onClick={() => setConfirming(b.reference)}>{t('callers.cancel')}</Button>
                    </>
                  )}
                  {upcoming && confirming === b.reference && (
                    <>
                      <button type="button" ref={confirmButton} className="govgr-btn govgr-btn-warning" aria-disabled={busy}
                        onClick={() => act(b, 'cancel', t('callers.cancelled', { what }))}>
                        {t('callers.confirmCancel', { what })}
                      </button>{' '}
                      <Button variant="secondary" onClick={() => setConfirming(null)}>{t('callers.keep')}</Button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
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
          onChange={(value) => setChannel(value as Channel)}
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

          <h2 className="govgr-heading-m" tabIndex={-1} ref={heading}>{t('callers.bookings')}</h2>
          <p role="status" className="govgr-body">{done}</p>
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


import { Button, Checkbox, ErrorSummary, formatDateTime, Select, SummaryRow, usePageTitle, useSession } from '@mydimos/ui';
import { CallRoom, useCall, type Call } from '@mydimos/ui/src/call';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, problemText } from '@mydimos/api';
import type { Booking, CallAdmission } from '@mydimos/api';
import { useWorkplace } from '../workplace/Workplace';

/**
 * The identity check on camera (seed 004 Art.3§1): who the applicant declared they are, what they must show, and the
 * outcome recorded on the booking — never an image. Then the call may go on with sound only, and the employee
 * completes the appointment, which ends the call for everyone.
 */
function IdentityCheck({ booking, call, onChanged }: { booking: Booking; call: Call; onChanged: (b: Booking) => void }) {
  const { t } = useTranslation();
  const recorded = booking.videoCall?.identityCheck;
  const needsAuthorisation = booking.bookedBy?.onBehalfOfOther || Boolean(booking.businessTaxId);
  const [document, setDocument] = useState(false);
  const [authorisation, setAuthorisation] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const outcome = useRef<HTMLDivElement>(null);
  const justRecorded = useRef(false);

  // the checklist and its button are gone once recorded: the keyboard goes on from the outcome, which is read out
  useEffect(() => {
    if (recorded && justRecorded.current) {
      justRecorded.current = false;
      outcome.current?.focus();
    }
  }, [recorded]);

  useEffect(() => {
    if (recorded && !call.identityChecked && call.state === 'in-call') call.announceIdentityChecked();
  }, [recorded, call]);

  async function record() {
    if (busy) return;
    setBusy(true);
    justRecorded.current = true;
    try {
      onChanged(await api<Booking>('/api/bookings/calls/identity-checks', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ reference: booking.reference, identityDocumentShown: document,
          authorisationShown: needsAuthorisation ? authorisation : null }),
      }));
      call.announceIdentityChecked();
      setError(null);
    } catch (failure) {
      justRecorded.current = false;
      setError(problemText(failure));
    } finally {
      setBusy(false);
    }
  }

  async function complete() {
    if (busy) return;
    setBusy(true);
    try {
      onChanged(await api<Booking>(`/api/bookings/${encodeURIComponent(booking.reference)}/complete`, { method: 'POST' }));
      call.end();
    } catch (failure) {
      setError(problemText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="identity-check">
      <h2 className="govgr-heading-m" id="identity-check">{t('videoCall.identity.title')}</h2>
      {error && <ErrorSummary title={t('errors.title')} errors={[{ message: error }]} />}
      <dl className="govgr-summary-list">
        <SummaryRow term={t('videoCall.identity.name')}>{booking.person?.fullName}</SummaryRow>
        <SummaryRow term={t('videoCall.identity.taxId')}>{booking.person?.taxId ?? t('videoCall.identity.noTaxId')}</SummaryRow>
        {booking.businessTaxId && <SummaryRow term={t('videoCall.identity.business')}>{booking.businessTaxId}</SummaryRow>}
        {booking.bookedBy?.onBehalfOfOther && <SummaryRow term={t('videoCall.identity.forAnother')}>{t('videoCall.identity.yes')}</SummaryRow>}
      </dl>
      {recorded ? (
        <div className="govgr-panel govgr-panel--confirmation" ref={outcome} tabIndex={-1}>
          <p className="govgr-panel__title">{t('videoCall.identity.recorded', { at: formatDateTime(recorded.checkedAt) })}</p>
          <p className="govgr-panel__body">{t(recorded.identityDocumentShown ? 'videoCall.identity.documentShown' : 'videoCall.identity.documentNotShown')}
            {recorded.authorisationShown !== undefined && recorded.authorisationShown !== null
              && ` ${t(recorded.authorisationShown ? 'videoCall.identity.authorisationShown' : 'videoCall.identity.authorisationNotShown')}`}</p>
        </div>
      ) : (
        <fieldset className="govgr-fieldset">
          <legend className="govgr-fieldset__legend govgr-heading-s">{t('videoCall.identity.checklist')}</legend>
          <Checkbox id="identity-document" label={t('videoCall.identity.document')} checked={document} onChange={setDocument} />
          {needsAuthorisation && (
            <Checkbox id="authorisation" label={t('videoCall.identity.authorisation')} checked={authorisation} onChange={setAuthorisation} />
          )}
          <Button variant="primary" aria-disabled={busy} onClick={() => void record()}>{t('videoCall.identity.record')}</Button>
        </fieldset>
      )}
      {booking.status === 'CHECKED_IN' && (
        <Button variant="primary" aria-disabled={busy} onClick={() => void complete()}>{t('videoCall.identity.complete')}</Button>
      )}
      <p className="govgr-body" role="status">{booking.status === 'COMPLETED' ? t('videoCall.identity.completed') : ''}</p>
    </section>
  );
}

/**
 * The municipality's admin names a colleague of the booking's unit to take the call in place of the employee it is
 * assigned to (someone ill, say); the booking stays the same for the applicant.
 */
function StandIn({ booking, onChanged }: { booking: Booking; onChanged: (b: Booking) => void }) {
  const { t } = useTranslation();
  const { employees, employeeName } = useWorkplace();
  const [chosen, setChosen] = useState(booking.videoCall?.standIn ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const colleagues = employees.filter((e) => e.unitId === booking.unit?.id && e.id && e.id !== booking.employee);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      onChanged(await api<Booking>('/api/bookings/calls/stand-ins', {
        method: 'PUT', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ reference: booking.reference, employee: chosen || null }),
      }));
      setError(null);
      setSaved(true);
    } catch (failure) {
      setError(problemText(failure));
      setSaved(false);
    }
  }

  return (
    <form onSubmit={save} noValidate aria-labelledby="stand-in">
      <h2 className="govgr-heading-m" id="stand-in">{t('videoCall.standIn.title')}</h2>
      <p className="govgr-body">{t('videoCall.standIn.assigned', { name: employeeName(booking.employee ?? '') })}</p>
      {error && <ErrorSummary title={t('errors.title')} errors={[{ message: error, id: 'stand-in-employee' }]} />}
      <Select id="stand-in-employee" label={t('videoCall.standIn.colleague')} value={chosen} empty={t('videoCall.standIn.none')}
        error={error ?? undefined}
        options={colleagues.map((e) => ({ value: e.id!, label: e.displayName ?? e.id! }))}
        onChange={(value) => { setChosen(value); setSaved(false); }} />
      <Button variant="secondary" type="submit">{t('videoCall.standIn.save')}</Button>
      <p className="govgr-body" role="status">{saved ? t(chosen ? 'videoCall.standIn.named' : 'videoCall.standIn.cleared') : ''}</p>
    </form>
  );
}

/**
 * The interpreter's own link, for the employee to pass on: a field to copy it from (a link here would take the
 * employee out of the call), and a button that copies it and says so.
 */
function InterpreterLink({ link }: { link: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState('');
  const copy = () => navigator.clipboard.writeText(link).then(() => setCopied(t('videoCall.office.copied')),
    () => setCopied(t('videoCall.office.copyFailed')));
  return (
    <section aria-labelledby="interpreter">
      <h2 className="govgr-heading-s" id="interpreter">{t('videoCall.office.interpreterTitle')}</h2>
      <div className="govgr-field">
        <label className="govgr-label" htmlFor="interpreter-link">{t('videoCall.office.interpreter')}</label>
        <input className="govgr-input" id="interpreter-link" type="text" readOnly value={link}
          onFocus={(event) => event.target.select()} />
      </div>
      <Button variant="secondary" onClick={() => void copy()}>{t('videoCall.office.copy')}</Button>
      <p className="govgr-body" role="status">{copied}</p>
    </section>
  );
}

function InCall({ booking, room, admit, onRejoin, onChanged }: {
  booking: Booking; room: string; admit: () => Promise<CallAdmission>; onRejoin: () => void; onChanged: (b: Booking) => void;
}) {
  const { t } = useTranslation();
  const call = useCall(room, async () => (await admit()).ticket);
  return (
    <CallRoom call={call} onRejoin={onRejoin} refused={t('videoCall.refused')}>
      <IdentityCheck booking={booking} call={call} onChanged={onChanged} />
    </CallRoom>
  );
}

/**
 * A VIDEO booking's call, for the employee it is assigned to (from the agenda): who it is with, entering the room, the
 * identity check and completing the appointment.
 */
export function OfficeCall() {
  const { reference = '' } = useParams();
  const { t } = useTranslation();
  const { serviceName } = useWorkplace();
  const admin = (useSession()?.roles ?? []).includes('municipal-admin');
  usePageTitle(t('videoCall.office.title', { reference }));
  const [booking, setBooking] = useState<Booking | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [entered, setEntered] = useState(0);
  const [room, setRoom] = useState<string>();

  useEffect(() => {
    api<Booking>(`/api/bookings/${encodeURIComponent(reference)}`).then(setBooking).catch((failure) => setError(problemText(failure)));
  }, [reference]);

  const admit = useCallback(() => api<CallAdmission>('/api/bookings/calls/employee-admissions', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ reference }),
  }), [reference]);

  const enter = async () => {
    try {
      setRoom((await admit()).room); // refused here (not open, someone else's) rather than inside the room
      setError(null);
      setEntered((n) => n + 1);
    } catch (failure) {
      setError(problemText(failure));
    }
  };

  return (
    <div className="mydimos-full-width">
      <h1 className="govgr-heading-xl">{t('videoCall.office.title', { reference })}</h1>
      <p className="govgr-body"><Link className="govgr-link" to="/">{t('videoCall.office.back')}</Link></p>
      {error && <ErrorSummary title={t('errors.title')} errors={[{ message: error }]} />}
      {booking?.videoCall?.interpreterLink && <InterpreterLink link={booking.videoCall.interpreterLink} />}
      {booking && entered === 0 && (
        <div className="govgr-grid-column-two-thirds">
          <dl className="govgr-summary-list">
            <SummaryRow term={t('videoCall.office.service')}>{serviceName(booking.service)}</SummaryRow>
            <SummaryRow term={t('videoCall.office.when')}>{formatDateTime(booking.start)}</SummaryRow>
            <SummaryRow term={t('videoCall.identity.name')}>{booking.person?.fullName}</SummaryRow>
          </dl>
          <Button variant="primary" onClick={() => void enter()}>{t('videoCall.office.enter')}</Button>
          {admin && (booking.status === 'CONFIRMED' || booking.status === 'CHECKED_IN') && (
            <StandIn booking={booking} onChanged={setBooking} />
          )}
        </div>
      )}
      {booking && room && entered > 0 && (
        <InCall key={entered} booking={booking} room={room} admit={admit} onRejoin={() => setEntered((n) => n + 1)} onChanged={setBooking} />
      )}
    </div>
  );
}

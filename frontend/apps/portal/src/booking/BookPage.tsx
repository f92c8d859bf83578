import { Button, Checkbox, ErrorSummary, type FieldError, formatDateTime, Radios, SummaryRow, TextField, SlotPicker, usePageTitle, useSession, useSignInHref } from '@mydimos/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, Problem, problemText } from '@mydimos/api';
import type { Booking, BookingRequest, EmployeeChoice, Me, Mode, Municipality, ServiceTerms } from '@mydimos/api';
import { ServiceNeeds } from '../pages/ServiceNeeds';

/** The version of the declaration text below; booking-service records the same (booking.declaration-version). */
export const DECLARATION_VERSION = '2026-01';

/** Fields of the API's answers → the inputs they are about (for the error summary's links) and their labels. */
const INPUTS: Record<string, [string, string]> = {
  start: ['start', 'book.dateTime'], 'person.fullName': ['full-name', 'book.fullName'], 'person.email': ['email', 'book.email'],
  'person.phone': ['phone', 'book.phone'], declarationAccepted: ['declaration', 'book.declarationTitle'],
  'specialRequirements.thirdPartyEmail': ['third-party-email', 'book.thirdParty'], mode: ['mode', 'book.mode'],
  employee: ['employee', 'book.employee'],
};

/**
 * Booking an appointment (seed 004 Art.2): the way of being served, the time (and the employee, where the
 * municipality lets people choose), then — signed in with TaxisNet — whose appointment it is, how to reach them, any
 * special needs and the declaration. Everything chosen before signing in lives in the page's address, so it survives
 * the trip to TaxisNet and back.
 */
export function BookPage() {
  const { code = '', serviceId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t, i18n } = useTranslation();
  const session = useSession();
  const signIn = useSignInHref();
  const navigate = useNavigate();
  const [municipality, setMunicipality] = useState<Municipality | null>(null);
  const [service, setService] = useState<ServiceTerms | null>(null);
  const [choice, setChoice] = useState<EmployeeChoice | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);

  // what is chosen, shown at once and kept in the address (the URL updates a moment later)
  const [chosen, setChosen] = useState(() => Object.fromEntries(params.entries()) as Record<string, string | undefined>);
  useEffect(() => setChosen(Object.fromEntries(params.entries())), [params]);
  const mode = (chosen.mode ?? null) as Mode | null;
  const start = chosen.start;
  const employee = chosen.employee;
  const step = chosen.step === 'details' && mode && start ? 'details' : 'choose';
  const greek = i18n.language === 'el';
  usePageTitle(service ? `${errors.length > 0 ? `${t('errors.title')}: ` : ''}${t('book.title', { service: greek ? service.nameEl : service.nameEn })}`
    + (step === 'details' ? ` – ${t('book.details')}` : '') : undefined);

  useEffect(() => {
    const id = encodeURIComponent(code);
    Promise.all([
      api<Municipality>(`/api/registry/municipalities/${id}`),
      api<ServiceTerms[]>(`/api/registry/municipalities/${id}/services`),
      api<EmployeeChoice>(`/api/availability/slots/employees?municipality=${id}&service=${encodeURIComponent(serviceId)}`),
    ])
      .then(([m, services, c]) => {
        const found = services.find((s) => s.id === serviceId);
        if (!found) throw new Problem(404, 'about:blank', '', t('book.noService'));
        setMunicipality(m);
        setService(found);
        setChoice(c);
      })
      .catch((failure) => setLoadError(problemText(failure)));
  }, [code, serviceId, t]);

  function update(changes: Record<string, string | undefined>) {
    const next = { ...chosen, ...changes };
    const query = new URLSearchParams(Object.entries(next).filter((entry): entry is [string, string] => !!entry[1]));
    setChosen(Object.fromEntries(query.entries()));
    setParams(query, { replace: true });
  }

  // the second step is a new page for a screen reader: it starts reading there
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) firstStep.current = false;
    else document.getElementById('main')?.focus();
  }, [step]);

  if (loadError) {
    return <ErrorSummary title={t('errors.title')} errors={[{ message: loadError }]} />;
  }
  if (!municipality || !service || !choice) {
    return <p className="govgr-body" role="status">{t('municipality.loading')}</p>;
  }
  // only the ways both the municipality and the service offer
  const modes = service.modes.filter((m) => municipality.modes.includes(m.mode));
  const serviceName = greek ? service.nameEl : service.nameEn;
  const municipalityName = greek ? municipality.nameEl : municipality.nameEn;

  function next(event: FormEvent) {
    event.preventDefault();
    const missing: FieldError[] = [];
    if (!mode) missing.push({ id: 'mode', message: t('book.chooseMode') });
    else if (!start) missing.push({ id: 'start', message: t('book.chooseTime') }); // the times show once a way is chosen
    setErrors(missing);
    if (missing.length === 0) {
      update({ step: 'details' });
    }
  }

  return (
    <div className="govgr-grid-column-two-thirds">
      <Link className="govgr-back-link" to={step === 'details' ? '?' + withoutStep(params) : `/municipalities/${code}`}>
        {t('book.back')}
      </Link>
      <span className="govgr-caption-l">{municipalityName}</span>
      <h1 className="govgr-heading-xl">{t('book.title', { service: serviceName })}</h1>
      {step === 'choose' ? (
        <form onSubmit={next} noValidate>
          <ErrorSummary title={t('errors.title')} errors={errors} />
          <h2 className="govgr-heading-m">{t('book.whatYouNeed')}</h2>
          <ServiceNeeds service={service} />
          <Radios name="mode" legend={t('book.mode')} value={mode ?? undefined}
            error={errors.find((e) => e.id === 'mode')?.message}
            onChange={(value) => update({ mode: value, start: undefined })}
            options={modes.map((m) => ({
              value: m.mode,
              label: `${t(`mode.${m.mode}`)} (${t('municipality.duration', { minutes: m.durationMinutes })})`,
              hint: t(`mode.${m.mode}_help`),
            }))} />
          {choice.employeeChoiceAllowed && (choice.employees ?? []).length > 0 && (
            <div className="govgr-field">
              <label className="govgr-label" htmlFor="employee">{t('book.employee')}</label>
              <select className="govgr-select" id="employee" value={employee ?? ''}
                onChange={(event) => update({ employee: event.target.value || undefined, start: undefined })}>
                <option value="">{t('book.anyEmployee')}</option>
                {(choice.employees ?? []).map((e) => <option key={e.id} value={e.id ?? ''}>{e.displayName}</option>)}
              </select>
            </div>
          )}
          {mode && (
            <>
              <h2 className="govgr-heading-m">{t('book.when')}</h2>
              <SlotPicker municipality={code} service={serviceId} mode={mode} employee={employee} value={start}
                error={errors.find((e) => e.id === 'start')?.message} onChange={(value) => update({ start: value })} />
            </>
          )}
          <Button type="submit">{t('book.continue')}</Button>
        </form>
      ) : (
        <>
          <dl className="govgr-summary-list">
            <SummaryRow term={t('book.service')}>{serviceName}</SummaryRow>
            <SummaryRow term={t('book.mode')}>{t(`mode.${mode}`)}</SummaryRow>
            <SummaryRow term={t('book.dateTime')}>{formatDateTime(start!)}</SummaryRow>
          </dl>
          {session === null ? (
            <p className="govgr-body" role="status">{t('municipality.loading')}</p>
          ) : !session.signedIn ? (
            <>
              <p className="govgr-body">{t('book.signInFirst')}</p>
              <a className="govgr-btn govgr-btn-primary" href={signIn}>{t('book.signIn')}</a>
            </>
          ) : (
            <DetailsForm municipality={municipality} mode={mode!} start={start!} employee={employee} serviceId={serviceId}
              businessTaxId={session.businessTaxId}
              onBooked={(booking) => navigate(`/bookings/${booking.reference}`, { state: { justBooked: true } })}
              onTimeTaken={(nextStart) => update({ start: nextStart })} />
          )}
        </>
      )}
    </div>
  );
}

function withoutStep(params: URLSearchParams): string {
  const next = new URLSearchParams(params);
  next.delete('step');
  return next.toString();
}

interface DetailsProps {
  municipality: Municipality;
  serviceId: string;
  mode: Mode;
  start: string;
  employee?: string;
  businessTaxId?: string;
  onBooked: (booking: Booking) => void;
  onTimeTaken: (start: string) => void;
}

/** Whose appointment, how to reach them, special needs, the declaration; submitted once, whatever the clicks. */
function DetailsForm({ municipality, serviceId, mode, start, employee, businessTaxId, onBooked, onTimeTaken }: DetailsProps) {
  const { t, i18n } = useTranslation();
  const [me, setMe] = useState<Me | null>(null);
  const [forWhom, setForWhom] = useState<'self' | 'other'>('self');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [signLanguage, setSignLanguage] = useState(false);
  const [lipReading, setLipReading] = useState(false);
  const [thirdPartyEmail, setThirdPartyEmail] = useState('');
  const [declaration, setDeclaration] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [taken, setTaken] = useState(0);
  // one key per booking attempt: a double click or a retry after a lost answer makes one booking
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  // what is sent changed: a new request, not a repetition of the last
  useEffect(() => setIdempotencyKey(crypto.randomUUID()),
    [start, forWhom, fullName, email, phone, signLanguage, lipReading, thirdPartyEmail, declaration]);

  useEffect(() => {
    api<Me>('/api/registry/me')
      .then((found) => {
        setMe(found);
        setFullName([found.firstName, found.lastName].filter(Boolean).join(' '));
        setEmail(found.email ?? '');
        setPhone(found.mobile ?? '');
      })
      .catch(() => setMe({})); // no registry record: the person declares their details
  }, []);

  function chooseForWhom(value: string) {
    const other = value === 'other';
    setForWhom(other ? 'other' : 'self');
    setFullName(other ? '' : [me?.firstName, me?.lastName].filter(Boolean).join(' '));
    setEmail(other ? '' : me?.email ?? '');
    setPhone(other ? '' : me?.mobile ?? '');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const request: BookingRequest = {
      municipality: municipality.code, service: serviceId, mode, start, employee: employee ?? null,
      person: { fullName, email, phone },
      onBehalfOfOther: forWhom === 'other',
      specialRequirements: { signLanguage, lipReading, thirdPartyEmail: thirdPartyEmail.trim() || null },
      declarationAccepted: declaration,
      language: i18n.language,
    };
    try {
      const booking = await api<Booking>('/api/bookings', {
        method: 'POST', body: JSON.stringify(request),
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      });
      onBooked(booking);
    } catch (failure) {
      if (!(failure instanceof Problem)) {
        setErrors([{ message: t('errors.network') }]); // the same key again: a retry cannot book twice
        setBusy(false);
        return;
      }
      if (failure.status < 500) setIdempotencyKey(crypto.randomUUID()); // refused: the next attempt is a new request
      // (after a 5xx it may have been booked all the same: sending it again with the same key answers what happened)
      if (failure.type.endsWith('/slot-unavailable')) {
        setTaken((n) => n + 1);
        setErrors([{ id: 'start', message: t('book.taken') }]);
      } else if (failure.violations.length > 0) {
        // "Email: is not a valid address" — the API's words, said of the field as the form names it
        setErrors(failure.violations.map((v) => ({ id: here(INPUTS[v.field]?.[0]),
          message: INPUTS[v.field] ? `${t(INPUTS[v.field][1])}: ${v.message}` : v.message })));
      } else {
        const input = failure.field ? INPUTS[failure.field] : undefined;
        const message = failure.status === 429 ? problemText(failure)
          : input ? `${t(input[1])}: ${failure.message}` : failure.message;
        setErrors([{ id: here(input?.[0]), message }]);
      }
      setBusy(false);
    }
  }

  const errorOf = (id: string) => errors.find((e) => e.id === id)?.message;
  /** An input of this step to link an error to; the way, the time and the employee were chosen on the first step. */
  function here(id: string | undefined): string | undefined {
    return id && !['mode', 'employee', 'start'].includes(id) ? id : undefined;
  }
  if (!me) {
    return <p className="govgr-body" role="status">{t('municipality.loading')}</p>;
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary title={t('errors.title')} errors={errors} />
      {taken > 0 && (
        <>
          <h2 className="govgr-heading-m">{t('book.nextFree')}</h2>
          <SlotPicker municipality={municipality.code} service={serviceId} mode={mode} employee={employee}
            value={start} refresh={taken} error={errorOf('start')} onChange={(value) => {
              if (!value) return; // another day looked at: the time is chosen on it
              setErrors([]);
              onTimeTaken(value);
            }} />
        </>
      )}
      <h2 className="govgr-heading-m">{t('book.details')}</h2>
      {businessTaxId && <p className="govgr-body">{t('book.business', { taxId: businessTaxId })}</p>}
      <Radios name="for-whom" legend={t('book.forWhom')} legendSize="s" value={forWhom} onChange={chooseForWhom}
        options={[{ value: 'self', label: t('book.forMe') },
          { value: 'other', label: t('book.forOther'), hint: t('book.forOtherHint') }]} />
      <TextField id="full-name" label={forWhom === 'self' ? t('book.fullName') : t('book.otherFullName')}
        hint={forWhom === 'self' && me.firstName ? t('book.fromRegistry') : undefined}
        value={fullName} readOnly={forWhom === 'self' && !!me.firstName} autoComplete={forWhom === 'self' ? 'name' : 'off'}
        onChange={(e) => setFullName(e.target.value)} error={errorOf('full-name')} />
      <TextField id="email" type="email" label={t('book.email')} hint={t('book.emailHint')} value={email}
        autoComplete={forWhom === 'self' ? 'email' : 'off'} onChange={(e) => setEmail(e.target.value)} error={errorOf('email')} />
      <TextField id="phone" type="tel" label={t('book.phone')} hint={mode === 'PHONE' ? t('book.phoneHintCall') : undefined}
        value={phone} autoComplete={forWhom === 'self' ? 'tel' : 'off'} onChange={(e) => setPhone(e.target.value)}
        error={errorOf('phone')} />

      <fieldset className="govgr-fieldset" aria-describedby="needs-hint">
        <legend className="govgr-heading-s govgr-fieldset__legend">{t('book.needs')}</legend>
        <p className="govgr-hint" id="needs-hint">{t('book.needsHint')}</p>
        <Checkbox id="sign-language" label={t('book.signLanguage')} checked={signLanguage} onChange={setSignLanguage} />
        <Checkbox id="lip-reading" label={t('book.lipReading')} checked={lipReading} onChange={setLipReading} />
        {mode === 'VIDEO' && municipality.thirdPartyVideoAllowed && (
          <TextField id="third-party-email" type="email" label={t('book.thirdParty')} hint={t('book.thirdPartyHint')}
            value={thirdPartyEmail} onChange={(e) => setThirdPartyEmail(e.target.value)} error={errorOf('third-party-email')} />
        )}
      </fieldset>

      <h2 className="govgr-heading-m" id="declaration-title">{t('book.declarationTitle')}</h2>
      {(t('book.declarationText', { returnObjects: true }) as string[]).map((p) => <p className="govgr-body" key={p}>{p}</p>)}
      <p className="govgr-hint">{t('book.declarationVersion', { version: DECLARATION_VERSION })}</p>
      <Checkbox id="declaration" label={t('book.declare')} checked={declaration} onChange={setDeclaration}
        error={errorOf('declaration')} />
      <Button type="submit" aria-disabled={busy}>{busy ? t('book.booking') : t('book.submit')}</Button>
    </form>
  );
}

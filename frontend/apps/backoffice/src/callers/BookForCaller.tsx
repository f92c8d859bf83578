import { api, Problem, problemText, type Booking, type BookingRequest, type Mode } from '@mydimos/api';
import { Button, Checkbox, ErrorSummary, type FieldError, formatDateTime, Radios, SlotPicker, TextField, usePageTitle } from '@mydimos/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { useWorkplace } from '../workplace/Workplace';
import { useCaller } from './CallerDesk';
import { bookingsOf } from './CallerPage';

/** Fields of the API's answers → the inputs they are about, and their labels. */
const INPUTS: Record<string, [string, string]> = {
  service: ['service', 'bookFor.service'], mode: ['mode', 'bookFor.mode'], start: ['start', 'bookFor.time'],
  'person.fullName': ['full-name', 'bookFor.fullName'], 'person.email': ['email', 'bookFor.email'],
  'person.phone': ['phone', 'bookFor.phone'], declarationAccepted: ['declaration', 'bookFor.declaration'],
  limitOverrideReason: ['override', 'bookFor.override'],
};

/**
 * A booking for the person served (seed 004 Art.4§1): the clerk is recorded as its creator and how the person asked
 * (on the phone, at the counter); the person gets the same mails as for a booking of their own; the per-person limit
 * applies unless the clerk records why it should not.
 */
export function BookForCaller() {
  const { t, i18n } = useTranslation();
  const { code, municipality, services } = useWorkplace();
  const { caller, setCaller, setDone } = useCaller();
  const navigate = useNavigate();
  // what was done for the person before is not news when they come back from here
  useEffect(() => setDone(''), [setDone]);
  const record = caller?.record;
  const [service, setService] = useState('');
  const [mode, setMode] = useState<Mode | undefined>();
  const [start, setStart] = useState<string | undefined>();
  const [fullName, setFullName] = useState(record ? [record.firstName, record.lastName].filter(Boolean).join(' ') : '');
  const [email, setEmail] = useState(record?.email ?? '');
  const [phone, setPhone] = useState(record?.mobile ?? '');
  const [signLanguage, setSignLanguage] = useState(false);
  const [lipReading, setLipReading] = useState(false);
  const [declaration, setDeclaration] = useState(false);
  const [language, setLanguage] = useState('el');
  const [limitReached, setLimitReached] = useState(false);
  const [override, setOverride] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [taken, setTaken] = useState(0);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  useEffect(() => setIdempotencyKey(crypto.randomUUID()),
    [service, mode, start, fullName, email, phone, signLanguage, lipReading, declaration, override, language]);
  usePageTitle(`${errors.length > 0 ? `${t('errors.title')}: ` : ''}${t('bookFor.title')}`);
  const greek = i18n.language === 'el';

  if (!caller) return <Navigate to="/callers" replace />;
  const chosen = services.find((s) => s.id === service);
  const modes = (chosen?.modes ?? []).filter((m) => municipality?.modes.includes(m.mode));
  const errorOf = (id: string) => errors.find((e) => e.id === id)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || !caller || !code) return;
    const missing: FieldError[] = [];
    if (!service) missing.push({ id: 'service', message: t('bookFor.chooseService') });
    else if (!mode) missing.push({ id: modes.length > 0 ? 'mode' : undefined, message: t('bookFor.chooseMode') });
    else if (!start) missing.push({ id: 'start', message: t('bookFor.chooseTime') });
    if (missing.length > 0) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    const request: BookingRequest = {
      municipality: code, service, mode: mode!, start: start!,
      person: { fullName, email, phone, taxId: caller.taxId },
      specialRequirements: { signLanguage, lipReading },
      declarationAccepted: declaration, language, channel: caller.channel,
      limitOverrideReason: override.trim() || null,
    };
    try {
      const booking = await api<Booking>('/api/bookings', {
        method: 'POST', body: JSON.stringify(request),
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      });
      setCaller({ ...caller, bookings: await bookingsOf(caller.taxId).catch(() => [...caller.bookings, booking]) });
      setDone(t('bookFor.booked', { reference: booking.reference, when: formatDateTime(booking.start), email: booking.person?.email ?? email }));
      navigate('/callers');
    } catch (failure) {
      setBusy(false);
      if (!(failure instanceof Problem)) {
        setErrors([{ message: t('errors.network') }]);
        return;
      }
      if (failure.status < 500) setIdempotencyKey(crypto.randomUUID());
      if (failure.type.endsWith('/slot-unavailable')) {
        setTaken((n) => n + 1);
        setStart(undefined);
        setErrors([{ id: 'start', message: t('bookFor.taken') }]);
      } else if (failure.type.endsWith('/booking-limit-reached')) {
        setLimitReached(true);
        setErrors([{ id: 'override', message: `${failure.message} ${t('bookFor.overrideHint')}` }]);
      } else if (failure.violations.length > 0) {
        setErrors(failure.violations.map((v) => ({ id: INPUTS[v.field]?.[0],
          message: INPUTS[v.field] ? `${t(INPUTS[v.field][1])}: ${v.message}` : v.message })));
      } else {
        const input = failure.field ? INPUTS[failure.field] : undefined;
        setErrors([{ id: input?.[0], message: input ? `${t(input[1])}: ${failure.message}` : problemText(failure) }]);
      }
    }
  }

  return (
    <div className="govgr-grid-column-two-thirds">
      <Link className="govgr-back-link" to="/callers">{t('bookFor.back')}</Link>
      <span className="govgr-caption-l">{t('bookFor.caption', { taxId: caller.taxId, channel: t(`channel.${caller.channel}`) })}</span>
      <h1 className="govgr-heading-xl">{t('bookFor.title')}</h1>
      <form onSubmit={submit} noValidate>
        <ErrorSummary title={t('errors.title')} errors={errors} />
        <div className={errorOf('service') ? 'govgr-field govgr-field__error' : 'govgr-field'}>
          <label className="govgr-label" htmlFor="service">{t('bookFor.service')}</label>
          {errorOf('service') && <p className="govgr-error-message" id="service-error">{errorOf('service')}</p>}
          <select className="govgr-select" id="service" value={service} aria-describedby={errorOf('service') ? 'service-error' : undefined}
            onChange={(event) => {
              setService(event.target.value);
              setMode(undefined);
              setStart(undefined);
            }}>
            <option value="">{t('bookFor.chooseService')}</option>
            {services.map((s) => <option key={s.id} value={s.id}>{greek ? s.nameEl : s.nameEn}</option>)}
          </select>
        </div>
        {chosen && (
          <Radios name="mode" legend={t('bookFor.mode')} legendSize="s" value={mode} error={errorOf('mode')}
            onChange={(value) => {
              setMode(value as Mode);
              setStart(undefined);
            }}
            options={modes.map((m) => ({ value: m.mode, label: `${t(`mode.${m.mode}`)} (${t('bookFor.minutes', { minutes: m.durationMinutes })})` }))} />
        )}
        {chosen && mode && code && (
          <SlotPicker municipality={code} service={service} mode={mode} value={start} refresh={taken}
            error={errorOf('start')} onChange={setStart} />
        )}
        <h2 className="govgr-heading-m">{t('bookFor.person')}</h2>
        <TextField id="full-name" label={t('bookFor.fullName')} value={fullName} autoComplete="off"
          hint={record ? t('bookFor.fromRegistry') : t('bookFor.askCaller')}
          onChange={(event) => setFullName(event.target.value)} error={errorOf('full-name')} />
        <TextField id="email" type="email" label={t('bookFor.email')} hint={t('bookFor.emailHint')} value={email}
          autoComplete="off" onChange={(event) => setEmail(event.target.value)} error={errorOf('email')} />
        <TextField id="phone" type="tel" label={t('bookFor.phone')} value={phone} autoComplete="off"
          onChange={(event) => setPhone(event.target.value)} error={errorOf('phone')} />
        <fieldset className="govgr-fieldset">
          <legend className="govgr-heading-s govgr-fieldset__legend">{t('bookFor.needs')}</legend>
          <Checkbox id="sign-language" label={t('needs.signLanguage')} checked={signLanguage} onChange={setSignLanguage} />
          <Checkbox id="lip-reading" label={t('needs.lipReading')} checked={lipReading} onChange={setLipReading} />
        </fieldset>
        <Radios name="language" legend={t('bookFor.language')} legendSize="s" inline value={language} onChange={setLanguage}
          options={[{ value: 'el', label: <span lang="el">Ελληνικά</span> }, { value: 'en', label: <span lang="en">English</span> }]} />
        {limitReached && (
          <TextField id="override" label={t('bookFor.override')} hint={t('bookFor.overrideHint')} value={override}
            autoComplete="off" onChange={(event) => setOverride(event.target.value)} error={errorOf('override')} />
        )}
        <Checkbox id="declaration" label={t('bookFor.declaration')} checked={declaration} onChange={setDeclaration}
          error={errorOf('declaration')} />
        <Button type="submit" aria-disabled={busy}>{busy ? t('bookFor.booking') : t('bookFor.submit')}</Button>
      </form>
    </div>
  );
}

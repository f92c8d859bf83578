import { Button, ErrorSummary, formatDate, TextField, type FieldError, usePageTitle } from '@mydimos/ui';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, Problem, problemText } from '@mydimos/api';
import type { MunicipalitySummary, NewMunicipality } from '@mydimos/api';

/** What the platform does, how to use it (seed 004 Art.2§10), and the search for one's municipality. */
export function Home() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('home.title'));
  const [name, setName] = useState('');
  const [postalCode, setPostalCode] = useState('');
  const [found, setFound] = useState<MunicipalitySummary[] | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [onboarded, setOnboarded] = useState<MunicipalitySummary[]>([]);
  const [joined, setJoined] = useState<NewMunicipality[]>([]);

  useEffect(() => {
    api<MunicipalitySummary[]>('/api/registry/municipalities').then(setOnboarded).catch(() => setOnboarded([]));
    api<NewMunicipality[]>('/api/registry/new-municipalities').then(setJoined).catch(() => setJoined([]));
  }, []);

  async function search(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const query = new URLSearchParams();
    if (name.trim()) query.set('q', name.trim());
    if (postalCode.trim()) query.set('postalCode', postalCode.trim());
    try {
      setFound(await api<MunicipalitySummary[]>(`/api/registry/municipalities?${query}`));
      setErrors([]);
      setFieldErrors({});
    } catch (failure) {
      setFound(null);
      if (failure instanceof Problem) {
        const id = failure.field === 'postalCode' ? 'postal-code' : failure.field === 'q' ? 'name' : undefined;
        const message = problemText(failure);
        setErrors([{ id, message }]);
        setFieldErrors(id ? { [id]: message } : {});
      } else {
        setErrors([{ message: t('errors.network') }]);
      }
    } finally {
      setBusy(false);
    }
  }

  const steps = t('home.steps', { returnObjects: true }) as string[];
  const greek = i18n.language === 'el';
  return (
    <div className="govgr-grid-column-two-thirds">
      <h1 className="govgr-heading-xl">{t('home.title')}</h1>
      <p className="govgr-body">{t('home.lead')}</p>

      {joined.length > 0 && (
        <section className="mydimos-news" aria-labelledby="joined-title">
          <h2 className="govgr-heading-m" id="joined-title">{t('home.joined')}</h2>
          <ul className="govgr-list">
            {joined.map((m) => (
              <li key={m.code}>
                <Link className="govgr-link" to={`/municipalities/${m.code}`}>{greek ? m.nameEl : m.nameEn}</Link>{' '}
                {t('home.joinedSince', { date: m.joined ? formatDate(m.joined) : '', act: m.actNumber ?? '', actDate: m.actDate ? formatDate(m.actDate) : '' })}
              </li>
            ))}
          </ul>
        </section>
      )}

      <h2 className="govgr-heading-m">{t('home.howTitle')}</h2>
      <ol className="govgr-list govgr-list--number">
        {steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <p className="govgr-body"><Link className="govgr-link" to="/guide">{t('home.guideLink')}</Link></p>

      <h2 className="govgr-heading-m" id="find">
        {t('home.findTitle')}
      </h2>
      <ErrorSummary title={t('errors.title')} errors={errors} />
      <form onSubmit={search} aria-labelledby="find" noValidate>
        <TextField id="name" name="q" label={t('home.name')} hint={t('home.nameHint')} value={name} autoComplete="off"
          onChange={(e) => setName(e.target.value)} error={fieldErrors['name']} />
        <TextField id="postal-code" name="postalCode" label={t('home.postalCode')} hint={t('home.postalCodeHint')}
          value={postalCode} inputMode="numeric" autoComplete="postal-code" onChange={(e) => setPostalCode(e.target.value)}
          error={fieldErrors['postal-code']} />
        <Button type="submit" aria-disabled={busy}>
          {t('home.search')}
        </Button>
      </form>

      {/* always there, so that what is found is read out when it appears */}
      <div aria-live="polite">
      {found && (
        <section aria-labelledby="results">
          <h2 className="govgr-heading-s" id="results">{found.length > 0 ? t('home.results', { count: found.length }) : t('home.none')}</h2>
          <ul className="govgr-list">
            {found.map((m) => (
              <li key={m.code}>
                <Link className="govgr-link" to={`/municipalities/${m.code}`}>
                  {greek ? m.nameEl : m.nameEn}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      </div>

      {onboarded.length > 0 && (
        <>
          <h2 className="govgr-heading-m">{t('home.onboarded')}</h2>
          <ul className="govgr-list">
            {[...onboarded].sort((a, b) => (greek ? a.nameEl.localeCompare(b.nameEl, 'el') : a.nameEn.localeCompare(b.nameEn, 'en')))
              .map((m) => (
                <li key={m.code}>
                  <Link className="govgr-link" to={`/municipalities/${m.code}`}>{greek ? m.nameEl : m.nameEn}</Link>
                </li>
              ))}
          </ul>
        </>
      )}
    </div>
  );
}

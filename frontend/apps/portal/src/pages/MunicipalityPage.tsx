import { ErrorSummary, SummaryRow, usePageTitle } from '@mydimos/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, problemText } from '@mydimos/api';
import type { Municipality, ServiceTerms } from '@mydimos/api';
import { ServiceNeeds } from './ServiceNeeds';

/** One municipality: how to reach it and its departments, and the services people book, with what each needs. */
export function MunicipalityPage() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [municipality, setMunicipality] = useState<Municipality | null>(null);
  const [services, setServices] = useState<ServiceTerms[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const id = encodeURIComponent(code);
    Promise.all([api<Municipality>(`/api/registry/municipalities/${id}`),
      api<ServiceTerms[]>(`/api/registry/municipalities/${id}/services`)])
      .then(([m, s]) => {
        setMunicipality(m);
        setServices(s);
        setError(null);
      })
      .catch((failure) => setError(problemText(failure)));
  }, [code, i18n.language, t]);

  const greek = i18n.language === 'el';
  usePageTitle(municipality ? (greek ? municipality.nameEl : municipality.nameEn) : undefined);
  if (error) {
    return (
      <div className="govgr-grid-column-two-thirds">
        <ErrorSummary title={t('errors.title')} errors={[{ message: error }]} />
        <Link className="govgr-back-link" to="/">{t('municipality.back')}</Link>
      </div>
    );
  }
  if (!municipality) {
    return <p className="govgr-body" role="status">{t('municipality.loading')}</p>;
  }
  return (
    <div className="govgr-grid-column-two-thirds">
      <Link className="govgr-back-link" to="/">{t('municipality.back')}</Link>
      <h1 className="govgr-heading-xl">{greek ? municipality.nameEl : municipality.nameEn}</h1>

      <h2 className="govgr-heading-m">{t('municipality.contact')}</h2>
      <dl className="govgr-summary-list">
        {municipality.address && <SummaryRow term={t('municipality.address')}>{municipality.address}</SummaryRow>}
        {municipality.phones && municipality.phones.length > 0 && (
          <SummaryRow term={t('municipality.phones')}>{municipality.phones.join(', ')}</SummaryRow>
        )}
        {municipality.email && <SummaryRow term={t('municipality.email')}>{municipality.email}</SummaryRow>}
      </dl>

      <h2 className="govgr-heading-m">{t('municipality.services')}</h2>
      {services.map((service) => (
        <section key={service.id} className="govgr-card govgr-card--border" aria-labelledby={`service-${service.id}`}>
          <div className="govgr-card__body">
            <h3 className="govgr-card__heading govgr-heading-s" id={`service-${service.id}`}>
              {greek ? service.nameEl : service.nameEn}
            </h3>
            <p className="govgr-body">{t('municipality.ways')}:</p>
            <ul className="govgr-list">
              {service.modes.map((m) => (
                <li key={m.mode}>
                  {t(`mode.${m.mode}`)} ({t('municipality.duration', { minutes: m.durationMinutes })}) – {t(`mode.${m.mode}_help`)}
                </li>
              ))}
            </ul>
            <ServiceNeeds service={service} />
            <Link className="govgr-btn govgr-btn-primary" to={`/municipalities/${municipality.code}/services/${service.id}/book`}
              aria-describedby={`service-${service.id}`}>
              {t('municipality.book')}
            </Link>
          </div>
        </section>
      ))}

      <h2 className="govgr-heading-m">{t('municipality.units')}</h2>
      {municipality.units.map((unit) => {
        const hours = greek ? unit.hoursEl : unit.hoursEn ?? unit.hoursEl;
        return (
          <section key={unit.id} aria-labelledby={`unit-${unit.id}`}>
            <h3 className="govgr-heading-s" id={`unit-${unit.id}`}>{greek ? unit.nameEl : unit.nameEn}</h3>
            <dl className="govgr-summary-list">
              {hours && <SummaryRow term={t('municipality.hours')}>{hours}</SummaryRow>}
              {unit.address && <SummaryRow term={t('municipality.address')}>{unit.address}</SummaryRow>}
              {unit.phones && unit.phones.length > 0 && <SummaryRow term={t('municipality.phones')}>{unit.phones.join(', ')}</SummaryRow>}
              {unit.email && <SummaryRow term={t('municipality.email')}>{unit.email}</SummaryRow>}
            </dl>
          </section>
        );
      })}
    </div>
  );
}

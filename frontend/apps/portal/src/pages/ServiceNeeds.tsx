import { useTranslation } from 'react-i18next';
import type { ServiceTerms } from '@mydimos/api';

/** What a service asks of the person: the documents to bring, those the office retrieves itself, and its fees. */
export function ServiceNeeds({ service }: { service: ServiceTerms }) {
  const { t, i18n } = useTranslation();
  const greek = i18n.language === 'el';
  const documents = service.documents ?? [];
  const bring = documents.filter((d) => !d.exOfficio);
  const retrieved = documents.filter((d) => d.exOfficio);
  const fees = service.fees ?? [];
  const euro = new Intl.NumberFormat(greek ? 'el-GR' : 'en-GB', { style: 'currency', currency: 'EUR' });
  return (
    <>
      {bring.length > 0 && (
        <>
          <p className="govgr-body">{t('municipality.bring')}:</p>
          <ul className="govgr-list govgr-list--bullet">{bring.map((d) => <li key={d.nameEn}>{greek ? d.nameEl : d.nameEn}</li>)}</ul>
        </>
      )}
      {retrieved.length > 0 && (
        <>
          <p className="govgr-body">{t('municipality.exOfficio')}:</p>
          <ul className="govgr-list govgr-list--bullet">{retrieved.map((d) => <li key={d.nameEn}>{greek ? d.nameEl : d.nameEn}</li>)}</ul>
        </>
      )}
      <p className="govgr-body">{t('municipality.fees')}: {fees.length === 0 && t('municipality.noFees')}</p>
      {fees.length > 0 && (
        <ul className="govgr-list govgr-list--bullet">
          {fees.map((fee) => (
            <li key={fee.descriptionEn}>{greek ? fee.descriptionEl : fee.descriptionEn}{fee.amountEuro != null && `: ${euro.format(fee.amountEuro)}`}</li>
          ))}
        </ul>
      )}
    </>
  );
}

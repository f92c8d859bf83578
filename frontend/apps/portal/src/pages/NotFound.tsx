import { usePageTitle } from '@mydimos/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** An address the portal does not know, or a page that failed: said in the page's language, with the way home. */
export function NotFound({ broken = false }: { broken?: boolean }) {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <div className="govgr-grid-column-two-thirds">
      <h1 className="govgr-heading-xl">{broken ? t('errors.title') : t('notFound.title')}</h1>
      <p className="govgr-body">{broken ? t('notFound.broken') : t('notFound.text')}</p>
      <p className="govgr-body"><Link className="govgr-link" to="/">{t('notFound.home')}</Link></p>
    </div>
  );
}

import { usePageTitle } from '@mydimos/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A screen the employee's roles do not include, or an address that is no screen at all. */
export function NotAllowed({ missing = false }: { missing?: boolean }) {
  const { t } = useTranslation();
  const title = t(missing ? 'notFound.title' : 'notAllowed.title');
  usePageTitle(title);
  return (
    <div className="govgr-grid-column-two-thirds">
      <h1 className="govgr-heading-xl">{title}</h1>
      <p className="govgr-body">{t(missing ? 'notFound.text' : 'notAllowed.text')}</p>
      <Link className="govgr-link" to="/">{t('notAllowed.home')}</Link>
    </div>
  );
}

/**
 * An administrator's screen that did not load (it loads on first visit): most often the platform was updated since
 * this page was opened and the old file is gone, so loading the page again fixes it. The frame and menu stay.
 */
export function ScreenFailed() {
  const { t } = useTranslation();
  usePageTitle(t('screenFailed.title'));
  return (
    <div className="govgr-grid-column-two-thirds">
      <h1 className="govgr-heading-xl">{t('screenFailed.title')}</h1>
      <p className="govgr-body">{t('screenFailed.text')}</p>
      <button type="button" className="govgr-btn govgr-btn-primary" onClick={() => window.location.reload()}>
        {t('screenFailed.reload')}
      </button>
    </div>
  );
}

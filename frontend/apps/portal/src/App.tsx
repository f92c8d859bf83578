import { Layout } from '@mydimos/ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import type { Language } from './i18n';

/** The frame of every page, with the language switch; focus goes to the new page's main content on navigation. */
export function App() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  useEffect(() => {
    document.title = `${t('service')} – myDimos`;
  }, [t, i18n.language]);
  useEffect(() => {
    if (location.key !== 'default') {
      document.getElementById('main')?.focus(); // a screen reader starts reading the new page
    }
  }, [location.pathname, location.key]);
  const other = t('language.switchLang') as Language;
  return (
    <Layout
      serviceName={t('service')}
      homeHref="/"
      skipLabel={t('skip')}
      phase={t('phase')}
      headerActions={
        <button type="button" className="govgr-btn govgr-btn-secondary" lang={other} onClick={() => i18n.changeLanguage(other)}>
          {t('language.switch')}
        </button>
      }
      footer={<p className="govgr-footer__licence-description">{t('footer')}</p>}
    >
      <Outlet />
    </Layout>
  );
}

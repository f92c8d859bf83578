import { Layout, useFocusMainOnNewPage, useSession, useSignInHref, useSignOutAction } from '@mydimos/ui';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import type { Language } from './i18n';

/** The frame of every page, with the language switch; focus goes to the new page's main content on navigation. */
export function App() {
  const { t, i18n } = useTranslation();
  useFocusMainOnNewPage(useLocation().pathname);
  const other = t('language.switchLang') as Language;
  const session = useSession();
  const signIn = useSignInHref();
  const signOut = useSignOutAction();
  return (
    <Layout
      serviceName={t('service')}
      homeHref="/"
      skipLabel={t('skip')}
      phase={t('phase')}
      headerActions={
        <nav className="mydimos-header-actions" aria-label={t('account.nav')}>
          {session?.signedIn ? (
            <>
              <Link className="govgr-link mydimos-header-link" to="/bookings">{t('account.mine')}</Link>
              <span className="mydimos-header-name">{session.name}</span>
              {/* a form, not a link: signing out changes something, so it is a POST the gateway checks comes from here */}
              <form method="post" action={signOut}>
                <button type="submit" className="govgr-btn govgr-btn-secondary">{t('account.signOut')}</button>
              </form>
            </>
          ) : session ? (
            <a className="govgr-link mydimos-header-link" href={signIn}>{t('account.signIn')}</a>
          ) : null}
          <button type="button" className="govgr-btn govgr-btn-secondary" lang={other} onClick={() => i18n.changeLanguage(other)}>
            {t('language.switch')}
          </button>
        </nav>
      }
      footer={<p className="govgr-footer__licence-description">{t('footer')}</p>}
    >
      <Outlet />
    </Layout>
  );
}

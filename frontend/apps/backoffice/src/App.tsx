import { Layout, useSession, useSignInHref, useSignOutAction } from '@mydimos/ui';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import type { Language } from './i18n';

/** The back office's frame: who is signed in, signing out, the language; or the way to sign in. */
export function App() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const signIn = useSignInHref();
  const signOut = useSignOutAction();
  const other = t('language.switchLang') as Language;
  return (
    <Layout serviceName={t('service')} homeHref="/office/" skipLabel={t('skip')}
      headerActions={
        <nav className="mydimos-header-actions" aria-label={t('account.nav')}>
          {session?.signedIn && (
            <>
              <span className="mydimos-header-name">{session.name}</span>
              <form method="post" action={signOut}>
                <button type="submit" className="govgr-btn govgr-btn-secondary">{t('account.signOut')}</button>
              </form>
            </>
          )}
          <button type="button" className="govgr-btn govgr-btn-secondary" lang={other} onClick={() => i18n.changeLanguage(other)}>
            {t('language.switch')}
          </button>
        </nav>
      }
      footer={<p className="govgr-footer__licence-description">{t('footer')}</p>}>
      {session === null ? <p className="govgr-body" role="status">{t('loading')}</p>
        : session.signedIn ? <Outlet /> : (
          <div className="govgr-grid-column-two-thirds">
            <h1 className="govgr-heading-xl">{t('service')}</h1>
            <p className="govgr-body">{t('signInFirst')}</p>
            <a className="govgr-btn govgr-btn-primary" href={signIn}>{t('account.signIn')}</a>
          </div>
        )}
    </Layout>
  );
}

import { Layout, useFocusMainOnNewPage, useSession, useSignInHref, useSignOutAction } from '@mydimos/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import type { Language } from './i18n';
import { NotAllowed } from './NotAllowed';
import { useWorkplace, Workplace } from './workplace/Workplace';

/** The back office's screens, and the roles that may use each (the API refuses the rest all the same). */
export const SCREENS = [
  { path: '/', key: 'agenda', roles: ['clerk', 'municipal-admin'] },
  { path: '/callers', key: 'callers', roles: ['clerk', 'municipal-admin'] },
  { path: '/registry/civil-acts', key: 'civilActs', roles: ['civil-registry'] },
  { path: '/registry/family-records', key: 'familyRecords', roles: ['municipal-registry'] },
  { path: '/registry/certificates', key: 'certificates', roles: ['civil-registry', 'municipal-registry'] },
  { path: '/statistics', key: 'statistics', roles: ['municipal-admin', 'central-admin'] },
  { path: '/municipality', key: 'details', roles: ['municipal-admin'] },
  { path: '/services', key: 'services', roles: ['municipal-admin'] },
  { path: '/staff', key: 'staff', roles: ['municipal-admin'] },
  { path: '/schedules', key: 'schedules', roles: ['municipal-admin'] },
  { path: '/closures', key: 'closures', roles: ['municipal-admin'] },
  { path: '/municipalities', key: 'municipalities', roles: ['central-admin'] },
  { path: '/reads', key: 'reads', roles: ['municipal-admin', 'central-admin'] },
  { path: '/national-closures', key: 'nationalClosures', roles: ['central-admin'] },
] as const;

export type Screen = (typeof SCREENS)[number]['key'];

export function useMayUse(screen: Screen): boolean {
  const roles = useSession()?.roles ?? [];
  return SCREENS.find((s) => s.key === screen)!.roles.some((role) => roles.includes(role));
}

/** The back office's frame: who is signed in, signing out, the language; or the way to sign in. */
export function App() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const signIn = useSignInHref();
  const signOut = useSignOutAction();
  const other = t('language.switchLang') as Language;
  useFocusMainOnNewPage(useLocation().pathname);
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
      nav={session?.signedIn && <Menu roles={session.roles ?? []} />}
      footer={<p className="govgr-footer__licence-description">{t('footer')}</p>}>
      {session === null ? <p className="govgr-body" role="status">{t('loading')}</p>
        : session.signedIn ? <Workplace><WorkplaceLine /><Outlet /></Workplace> : (
          <div className="govgr-grid-column-two-thirds">
            <h1 className="govgr-heading-xl">{t('service')}</h1>
            <p className="govgr-body">{t('signInFirst')}</p>
            <a className="govgr-btn govgr-btn-primary" href={signIn}>{t('account.signIn')}</a>
          </div>
        )}
    </Layout>
  );
}

/** Only the screens the employee's roles allow. */
function Menu({ roles }: { roles: string[] }) {
  const { t } = useTranslation();
  const screens = SCREENS.filter((screen) => screen.roles.some((role) => roles.includes(role)));
  return (
    // the design system's own nav is hidden on a phone behind a menu button; five links wrap instead (WCAG 1.4.10)
    <nav className="mydimos-menu" aria-label={t('menu.label')}>
      <div className="govgr-width-container">
        <ul>
          {screens.map((screen) => (
            <li key={screen.key}>
              <NavLink to={screen.path} end={screen.path === '/'} className="govgr-link">{t(`menu.${screen.key}`)}</NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}

/** Which municipality the employee works in now, and the way to change it when they serve several. */
function WorkplaceLine() {
  const { t, i18n } = useTranslation();
  const { municipality, code, several, change } = useWorkplace();
  if (!several) return null;
  const name = municipality ? (i18n.language === 'el' ? municipality.nameEl : municipality.nameEn) : code;
  return (
    <p className="govgr-body mydimos-workplace">
      {t('workplace.current', { name })}{' '}
      <button type="button" className="govgr-link mydimos-link-button" onClick={change}>{t('workplace.change')}</button>
    </p>
  );
}

/** A screen the employee's roles allow, or a page that says it is not theirs. */
export function Allowed({ screen, children }: { screen: Screen; children: ReactNode }) {
  return useMayUse(screen) ? <>{children}</> : <NotAllowed />;
}

/** The home page: the day's agenda, or for staff without it (a registry duty only) the first screen they may use. */
export function Home({ children }: { children: ReactNode }) {
  const roles = useSession()?.roles ?? [];
  const first = SCREENS.find((s) => s.roles.some((role) => roles.includes(role)));
  if (first?.key === 'agenda') return <>{children}</>;
  return first ? <Navigate to={first.path} replace /> : <NotAllowed />;
}

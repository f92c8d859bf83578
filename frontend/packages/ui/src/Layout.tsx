import type { ReactNode } from 'react';

export interface LayoutProps {
  /** The service's name in the header, a link to its home page. */
  serviceName: string;
  homeHref: string;
  /** "Skip to main content", in the page's language. */
  skipLabel: string;
  /** The phase banner's words (e.g. a beta notice), or nothing. */
  phase?: ReactNode;
  /** Controls at the end of the header (the language switch). */
  headerActions?: ReactNode;
  /** The service's main navigation, under the header. */
  nav?: ReactNode;
  footer: ReactNode;
  children: ReactNode;
}

/** The page frame of a gov.gr service: skip link, header, phase banner, main content, footer. */
export function Layout({ serviceName, homeHref, skipLabel, phase, headerActions, nav, footer, children }: LayoutProps) {
  return (
    <div className="govgr-layout-wrapper govgr-layout-wrapper__full-height">
      <a href="#main" className="govgr--skip-link">
        {skipLabel}
      </a>
      <header className="govgr-header">
        <div className="govgr-header__container">
          <div className="govgr-header__content">
            <a href={homeHref} className="govgr-header-title">
              {serviceName}
            </a>
          </div>
          {headerActions}
        </div>
      </header>
      {nav}
      {phase && (
        <div className="govgr-width-container">
          <div className="govgr-phase-banner">
            <p className="govgr-phase-banner__content">
              <span className="govgr-phase-banner__text">{phase}</span>
            </p>
          </div>
        </div>
      )}
      <div className="govgr-width-container">
        <main className="govgr-main-wrapper" id="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="govgr-footer" role="contentinfo">
        <div className="govgr-width-container">
          <div className="govgr-footer__meta">
            <div className="govgr-footer__meta-item govgr-footer__meta-item--grow">
              <div className="govgr-footer__content">{footer}</div>
            </div>
          </div>
        </div>
      </footer>
    </div>
  );
}

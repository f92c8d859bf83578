import { useEffect } from 'react';
import i18n from 'i18next';

/** The browser tab's title names the page (WCAG 2.4.2): "the page – the service", in the page's language. */
export function usePageTitle(page: string | undefined) {
  useEffect(() => {
    const service = i18n.t('service');
    document.title = page ? `${page} – ${service}` : service;
  }, [page]);
}

import { useEffect, useRef } from 'react';

/**
 * On a new page (its path changed, not a choice recorded in the address of the same one) the keyboard and a screen
 * reader start at the page's main content, as after a full page load — unless the new page has put focus somewhere
 * in it itself (what was just done, an error), which its own effects, running first, did.
 */
export function useFocusMainOnNewPage(pathname: string) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
    } else {
      const main = document.getElementById('main');
      if (!main?.contains(document.activeElement) || document.activeElement === main) main?.focus();
    }
  }, [pathname]);
}

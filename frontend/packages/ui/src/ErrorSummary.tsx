import { useEffect, useId, useRef } from 'react';

export interface FieldError {
  /** The id of the input the error is about, so that the summary links to it. */
  id?: string;
  message: string;
}

/**
 * The gov.gr error summary: a heading and a link to each field in error. It takes focus when it appears, so that a
 * screen reader announces it and the keyboard is where the problem is (WCAG 3.3.1).
 */
export function ErrorSummary({ title, errors }: { title: string; errors: FieldError[] }) {
  const summary = useRef<HTMLDivElement>(null);
  const titleId = useId(); // a page may show two summaries (the frame's and a form's)
  // focus when what is wrong changes, not when the page merely renders again (a language switch, a list passed anew)
  const what = errors.map((error) => `${error.id ?? ''}\u0000${error.message}`).join('\u0001');
  useEffect(() => {
    if (what) {
      summary.current?.focus();
    }
  }, [what]);
  if (errors.length === 0) {
    return null;
  }
  return (
    <div className="govgr-error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby={titleId}>
      <h2 className="govgr-heading-s" id={titleId}>
        {title}
      </h2>
      <ul className="govgr-list">
        {errors.map((error, i) => (
          <li key={i}>
            {error.id ? (
              <a className="govgr-link" href={`#${error.id}`}>
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

import type { ReactNode } from 'react';

/** One row of a gov.gr summary list (`<dl className="govgr-summary-list">`): what, and its value. */
export function SummaryRow({ term, children }: { term: ReactNode; children: ReactNode }) {
  return (
    <div className="govgr-summary-list__row">
      <dt className="govgr-summary-list__key">{term}</dt>
      <dd className="govgr-summary-list__value">{children}</dd>
    </div>
  );
}

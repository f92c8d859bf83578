import type { ReactNode } from 'react';

export interface CheckboxProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
}

/** A single yes-or-no question, as the gov.gr form pages mark up a checkbox. */
export function Checkbox({ id, label, hint, checked, onChange, error }: CheckboxProps) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'govgr-field govgr-field__error' : 'govgr-field'}>
      {error && (
        <p className="govgr-error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div className="govgr-checkboxes">
        <div className="govgr-checkboxes__item">
          <label className="govgr-label govgr-checkboxes__label">
            {label}
            <input className="govgr-checkboxes__input" type="checkbox" id={id} checked={checked}
              aria-describedby={described} aria-invalid={error ? true : undefined}
              onChange={(event) => onChange(event.target.checked)} />
          </label>
          {hint && (
            <p className="govgr-hint" id={`${id}-hint`}>
              {hint}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}

import type { InputHTMLAttributes } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

/** A labelled text input with its hint and error message, as the gov.gr form pages mark them up. */
export function TextField({ id, label, hint, error, ...input }: TextFieldProps) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'govgr-field govgr-field__error' : 'govgr-field'}>
      <label className="govgr-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="govgr-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="govgr-error-message" id={`${id}-error`}>
          {error}
        </p>
      )}
      <input
        className={error ? 'govgr-input govgr-error-input' : 'govgr-input'}
        id={id}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}

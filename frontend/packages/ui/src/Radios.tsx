import type { ReactNode } from 'react';

export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

export interface RadiosProps {
  /** The group's name; the first option's input has it as its id, for the error summary to link to. */
  name: string;
  legend: ReactNode;
  /** The legend as a page heading (gov.gr form pages) or a smaller one inside a longer form. */
  legendSize?: 'm' | 's';
  hint?: ReactNode;
  options: RadioOption[];
  value: string | undefined;
  onChange: (value: string) => void;
  error?: string;
  inline?: boolean;
}

/** One choice among a few: a fieldset whose legend asks the question, as the gov.gr form pages mark it up. */
export function Radios({ name, legend, legendSize = 'm', hint, options, value, onChange, error, inline }: RadiosProps) {
  const described = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'govgr-field govgr-field__error' : 'govgr-field'}>
      <fieldset className="govgr-fieldset" aria-describedby={described}>
        <legend className={`govgr-heading-${legendSize} govgr-fieldset__legend`}>{legend}</legend>
        {hint && (
          <p className="govgr-hint" id={`${name}-hint`}>
            {hint}
          </p>
        )}
        {error && (
          <p className="govgr-error-message" id={`${name}-error`}>
            {error}
          </p>
        )}
        <div className={inline ? 'govgr-radios govgr-radios--inline' : 'govgr-radios'}>
          {options.map((option, i) => (
            <div className="govgr-radios__item" key={option.value}>
              <label className="govgr-radios__label">
                {option.label}
                <input
                  className="govgr-radios__input"
                  type="radio"
                  id={i === 0 ? name : `${name}-${option.value}`}
                  name={name}
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(option.value)}
                  aria-describedby={option.hint ? `${name}-${option.value}-hint` : undefined}
                />
              </label>
              {option.hint && (
                <p className="govgr-hint" id={`${name}-${option.value}-hint`}>
                  {option.hint}
                </p>
              )}
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export interface SelectProps {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  /** The first option, meaning none chosen (an empty value): "Choose", or what none stands for. */
  empty: string;
  error?: string;
  onChange: (value: string) => void;
}

/** One choice among many, as the gov.gr form pages mark up a select with its label and error. */
export function Select({ id, label, value, options, empty, error, onChange }: SelectProps) {
  return (
    <div className={error ? 'govgr-field govgr-field__error' : 'govgr-field'}>
      <label className="govgr-label" htmlFor={id}>{label}</label>
      {error && <p className="govgr-error-message" id={`${id}-error`}>{error}</p>}
      <select className="govgr-select" id={id} value={value} aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined} onChange={(event) => onChange(event.target.value)}>
        <option value="">{empty}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

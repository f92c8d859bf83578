import type { RegistryPerson } from '@mydimos/api';
import { Button, TextField } from '@mydimos/ui';
import { useTranslation } from 'react-i18next';

export const EMPTY_PERSON: RegistryPerson = { role: '', firstName: '', lastName: '' };

/** The people a new record names: each with their role in it, added and removed as the document in hand lists them. */
export function PersonFields({ persons, roles, onChange, errorOf }: {
  persons: RegistryPerson[]; roles: string[]; onChange: (persons: RegistryPerson[]) => void;
  errorOf: (id: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (index: number, changes: Partial<RegistryPerson>) =>
    onChange(persons.map((p, i) => (i === index ? { ...p, ...changes } : p)));
  return (
    <>
      {persons.map((p, i) => {
        const id = (field: string) => `persons-${i}-${field}`;
        const text = (field: 'firstName' | 'lastName' | 'fatherName' | 'motherName' | 'taxId') => (
          <TextField id={id(field)} label={t(`registry.fields.${field}`)} value={p[field] ?? ''} autoComplete="off"
            inputMode={field === 'taxId' ? 'numeric' : undefined} error={errorOf(id(field))}
            onChange={(event) => set(i, { [field]: event.target.value || null })} />
        );
        return (
          <fieldset className="govgr-fieldset" key={i}>
            <legend className="govgr-heading-s govgr-fieldset__legend">{t('registry.personNumber', { number: i + 1 })}</legend>
            <div className="govgr-field">
              <label className="govgr-label" htmlFor={id('role')}>{t('registry.fields.role')}</label>
              {errorOf(id('role')) && <p className="govgr-error-message" id={`${id('role')}-error`}>{errorOf(id('role'))}</p>}
              <select className="govgr-select" id={id('role')} value={p.role}
                aria-describedby={errorOf(id('role')) ? `${id('role')}-error` : undefined}
                onChange={(event) => set(i, { role: event.target.value })}>
                <option value="">{t('registry.chooseRole')}</option>
                {roles.map((role) => <option key={role} value={role}>{t(`registry.role.${role}`)}</option>)}
              </select>
            </div>
            {text('lastName')}
            {text('firstName')}
            {text('fatherName')}
            {text('motherName')}
            <div className={errorOf(id('birthDate')) ? 'govgr-field govgr-field__error' : 'govgr-field'}>
              <label className="govgr-label" htmlFor={id('birthDate')}>{t('registry.fields.birthDate')}</label>
              {errorOf(id('birthDate')) && <p className="govgr-error-message" id={`${id('birthDate')}-error`}>{errorOf(id('birthDate'))}</p>}
              <input className="govgr-input" type="date" id={id('birthDate')} value={p.birthDate ?? ''}
                aria-describedby={errorOf(id('birthDate')) ? `${id('birthDate')}-error` : undefined}
                aria-invalid={errorOf(id('birthDate')) ? true : undefined}
                onChange={(event) => set(i, { birthDate: event.target.value || null })} />
            </div>
            {text('taxId')}
            {persons.length > 1 && (
              <Button type="button" variant="secondary" onClick={() => {
                onChange(persons.filter((_, j) => j !== i));
                document.getElementById('persons-add')?.focus(); // the button pressed is gone
              }}>
                {t('registry.removePerson', { number: i + 1 })}
              </Button>
            )}
          </fieldset>
        );
      })}
      <Button type="button" variant="secondary" id="persons-add" onClick={() => onChange([...persons, { ...EMPTY_PERSON }])}>
        {t('registry.addPerson')}
      </Button>
    </>
  );
}

/** "persons[1].lastName" or "members[1].lastName" (the API's field) → the input's id. */
export function personInput(field: string | undefined): string | undefined {
  if (field === 'persons' || field === 'members') return 'persons-add';
  const match = field ? /^(?:persons|members)\[(\d+)]\.(\w+)$/.exec(field) : null;
  return match ? `persons-${match[1]}-${match[2]}` : undefined;
}

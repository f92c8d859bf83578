import type { TFunction } from 'i18next';
import { api, Problem, problemText, type Correction, type MarginalNote, type RegistryPerson } from '@mydimos/api';
import { Button, ErrorSummary, type FieldError, formatDate, formatDateTime, TextField } from '@mydimos/ui';
import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { personInput } from './PersonFields';

/** The people a record names, with their role in it. */
export function PersonsTable({ persons, caption }: { persons: RegistryPerson[]; caption: string }) {
  const { t } = useTranslation();
  const columns = ['role', 'lastName', 'firstName', 'fatherName', 'motherName', 'birthDate', 'taxId'] as const;
  return (
    <table className="govgr-table govgr-table--dense govgr-table--stacked-m">
      <caption className="govgr-table__caption govgr-table__caption--s">{caption}</caption>
      <thead className="govgr-table__head"><tr className="govgr-table__row">
        {columns.map((c) => <th scope="col" className="govgr-table__header" key={c}>{t(`registry.fields.${c}`)}</th>)}
      </tr></thead>
      <tbody className="govgr-table__body">
        {persons.map((p, i) => (
          <tr className="govgr-table__row" key={i}>
            {columns.map((c) => (
              <td className="govgr-table__cell" data-label={t(`registry.fields.${c}`)} key={c}>
                {c === 'role' ? t(`registry.role.${p.role}`, { defaultValue: p.role })
                  : c === 'birthDate' ? (p.birthDate ? formatDate(p.birthDate) : '') : p[c] ?? ''}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What a marginal note changed, in words: "Person 1 (Child): Surname". */
function noteField(field: string, persons: RegistryPerson[], t: TFunction): string {
  const match = /^persons\[(\d+)]\.(\w+)$/.exec(field);
  if (!match) return t(`registry.fields.${field}`, { defaultValue: field });
  const index = Number(match[1]);
  const role = persons[index] ? t(`registry.role.${persons[index].role}`, { defaultValue: persons[index].role }) : '';
  return `${t('registry.person', { number: index + 1, role })}: ${t(`registry.fields.${match[2]}`, { defaultValue: match[2] })}`;
}

/** The record's marginal notes (παραθέματα), oldest first: each correction with the value it replaced and why. */
export function MarginalNotes({ notes, persons }: { notes: MarginalNote[]; persons: RegistryPerson[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="notes-title">
      <h2 className="govgr-heading-m" id="notes-title">{t('registry.notes')}</h2>
      {notes.length === 0 ? <p className="govgr-body">{t('registry.noNotes')}</p> : (
        <ol className="govgr-list govgr-list--number">
          {notes.map((n) => (
            <li key={n.version}>
              {t('registry.note', {
                field: noteField(n.field ?? '', persons, t), old: n.oldValue ?? '—', value: n.newValue ?? '—',
                reason: n.reason, by: n.notedBy, when: n.notedAt ? formatDateTime(n.notedAt) : '',
              })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const PERSON_FIELDS = ['lastName', 'firstName', 'fatherName', 'motherName', 'birthDate', 'taxId', 'sex'];

/**
 * A correction by a marginal note (seed 002): what is corrected — a person's detail or one of the record's own — the
 * new value and the reason; only the keeping municipality's clerks may make one, which the API enforces.
 */
export function CorrectionForm({ path, persons, recordFields, onCorrected }: {
  path: string; persons: RegistryPerson[]; recordFields: string[]; onCorrected: (version: number) => void;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState(persons.length > 0 ? '0' : 'record');
  const [field, setField] = useState(persons.length > 0 ? 'lastName' : recordFields[0]);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const fields = target === 'record' ? recordFields : PERSON_FIELDS;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!reason.trim()) {
      setErrors([{ id: 'correction-reason', message: t('registry.reasonRequired') }]);
      return;
    }
    setBusy(true);
    const correction: Correction = { person: target === 'record' ? null : Number(target), field, value, reason };
    try {
      const note = await api<MarginalNote>(`${path}/corrections`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(correction),
      });
      setValue('');
      setReason('');
      setErrors([]);
      onCorrected(note.version ?? 0);
    } catch (failure) {
      const id = failure instanceof Problem && failure.field === 'value' ? 'correction-value'
        : failure instanceof Problem && failure.field === 'reason' ? 'correction-reason' : undefined;
      setErrors([{ id, message: problemText(failure) }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="correction-title">
      <h2 className="govgr-heading-m" id="correction-title">{t('registry.correct')}</h2>
      <ErrorSummary title={t('errors.title')} errors={errors} />
      <div className="govgr-field">
        <label className="govgr-label" htmlFor="correction-target">{t('registry.correctWhat')}</label>
        <select className="govgr-select" id="correction-target" value={target} onChange={(event) => {
          setTarget(event.target.value);
          setField(event.target.value === 'record' ? recordFields[0] : 'lastName');
        }}>
          {persons.map((p, i) => (
            <option key={i} value={String(i)}>
              {`${t('registry.person', { number: i + 1, role: t(`registry.role.${p.role}`, { defaultValue: p.role }) })}: ${p.firstName} ${p.lastName}`}
            </option>
          ))}
          {recordFields.length > 0 && <option value="record">{t('registry.recordItself')}</option>}
        </select>
      </div>
      <div className="govgr-field">
        <label className="govgr-label" htmlFor="correction-field">{t('registry.correctField')}</label>
        <select className="govgr-select" id="correction-field" value={field} onChange={(event) => setField(event.target.value)}>
          {fields.map((f) => <option key={f} value={f}>{t(`registry.fields.${f}`)}</option>)}
        </select>
      </div>
      <TextField id="correction-value" label={t('registry.newValue')}
        hint={field.toLowerCase().includes('date') ? t('registry.dateHint') : field === 'sex' ? t('registry.sexHint') : undefined}
        value={value} autoComplete="off" onChange={(event) => setValue(event.target.value)}
        error={errors.find((e) => e.id === 'correction-value')?.message} />
      <TextField id="correction-reason" label={t('registry.reason')} hint={t('registry.reasonHint')} value={reason}
        autoComplete="off" onChange={(event) => setReason(event.target.value)}
        error={errors.find((e) => e.id === 'correction-reason')?.message} />
      <Button type="submit" aria-disabled={busy}>{t('registry.correctSubmit')}</Button>
    </form>
  );
}

/** A record read by its address (each read logged by the registry), and read again after a correction. */
export function useRecord<R>(path: string) {
  const [record, setRecord] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const read = useCallback(() => api<R>(path).then(setRecord).catch((failure) => setError(problemText(failure))), [path]);
  useEffect(() => {
    void read();
  }, [read]);
  return { record, error, read };
}

/** A record's page: the way back, then the record once read, or what went wrong. */
export function RecordFrame({ back, backLabel, error, loaded, children }: {
  back: string; backLabel: string; error: string | null; loaded: boolean; children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="govgr-grid-column-two-thirds">
      <Link className="govgr-back-link" to={back}>{backLabel}</Link>
      {error && <ErrorSummary title={t('errors.title')} errors={[{ message: error }]} />}
      {!loaded && !error && <p className="govgr-body" role="status">{t('loading')}</p>}
      {loaded && children}
    </div>
  );
}

/** A search of records; a refused one names the tax-number input when the API says it is about the tax number. */
export function useRecordSearch<R>(taxIdInput: string) {
  const [found, setFound] = useState<R[] | null>(null);
  const [error, setError] = useState<FieldError | null>(null);
  async function search(path: string) {
    try {
      setFound(await api<R[]>(path));
      setError(null);
    } catch (failure) {
      setFound(null);
      setError({ id: failure instanceof Problem && failure.field === 'taxId' ? taxIdInput : undefined, message: problemText(failure) });
    }
  }
  return { found, error, setError, search };
}

/** A new record refused: each field the API names, linked to its input (persons' inputs, or the form's own). */
export function entryErrors(failure: unknown, input: (field: string) => string | undefined, t: TFunction): FieldError[] {
  const inputOf = (field?: string) => (field ? personInput(field) ?? input(field) : undefined);
  if (failure instanceof Problem && failure.violations.length > 0) {
    return failure.violations.map((v) => ({ id: inputOf(v.field), message: `${fieldLabel(v.field, t)}: ${v.message}` }));
  }
  return [{ id: failure instanceof Problem ? inputOf(failure.field) : undefined, message: problemText(failure) }];
}

/** The API's field ("persons[0].lastName", "year") as the form names it. */
function fieldLabel(field: string, t: TFunction): string {
  const match = /^(?:persons|members)\[(\d+)]\.(\w+)$/.exec(field);
  if (match) return `${t('registry.personNumber', { number: Number(match[1]) + 1 })}, ${t(`registry.fields.${match[2]}`)}`;
  return t(`registry.fields.${field}`, { defaultValue: field });
}

import { api, Problem, problemText, type Employee, type StrandedAppointment } from '@mydimos/api';
import { Button, Checkbox, ErrorSummary, type FieldError, TextField, usePageTitle } from '@mydimos/ui';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Stranded } from '../Stranded';
import { useWorkplace } from '../workplace/Workplace';

const ROLES = ['clerk', 'civil-registry', 'municipal-registry', 'municipal-admin'] as const;

interface Form {
  id: string;
  displayName: string;
  unitId: string;
  serviceIds: string[];
  desk: string;
  taxId: string;
  email: string;
  roles: string[];
}

const EMPTY: Form = { id: '', displayName: '', unitId: '', serviceIds: [], desk: '', taxId: '', email: '', roles: ['clerk'] };

/** Which input each field of the API's answer is about ("serviceIds[0]" is about the services, "roles[1]" the roles). */
function inputOf(field?: string): string | undefined {
  return field ? `staff-${field.replace(/\[\d+]$/, '')}` : undefined;
}

function formOf(e: Employee): Form {
  return {
    id: e.id ?? '', displayName: e.displayName ?? '', unitId: e.unitId ?? '', serviceIds: e.serviceIds ?? [], desk: e.desk ?? '',
    taxId: e.taxId ?? '', email: e.email ?? '', roles: e.roles ?? [],
  };
}

/**
 * The municipality's staff (issue 21 item 2, REG-5): who serves which services at which desk, and their sign-in —
 * an employee added with a tax number gets an account in the employees' realm (the one with that tax number, or a
 * new one mailed a link to set its password) with the roles given here; changed, the account follows; removed, they
 * no longer sign in for this municipality. Someone is not removed, nor a service taken from them, while they have
 * booked appointments of it ahead: those are listed, to be moved first.
 */
export function StaffPage() {
  const { t, i18n } = useTranslation();
  const { code, municipality, services, serviceName, refresh } = useWorkplace();
  const [staff, setStaff] = useState<Employee[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [removing, setRemoving] = useState<string | null>(null);
  /** The employee being changed; none while adding. */
  const [editing, setEditing] = useState<Employee | null>(null);
  const [stranded, setStranded] = useState<StrandedAppointment[]>([]);
  const [removalStranded, setRemovalStranded] = useState<StrandedAppointment[]>([]);
  const doneMessage = useRef<HTMLParagraphElement>(null);
  const formTitle = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('staff.title'));
  const greek = i18n.language === 'el';
  const path = code ? `/api/registry/municipalities/${encodeURIComponent(code)}/employees` : null;

  const load = useCallback(() => {
    if (!path) return;
    api<Employee[]>(path).then((found) => (setStaff(found), setListError(null)))
      .catch((failure) => setListError(problemText(failure)));
  }, [path]);
  useEffect(load, [load]);

  const units = municipality?.units ?? [];
  const unitName = (id?: string | null) => {
    const unit = units.find((u) => u.id === id);
    return unit ? (greek ? unit.nameEl : unit.nameEn) : id ?? '';
  };
  const ofUnit = services.filter((s) => s.unitId === form.unitId);

  function edit(employee: Employee | null) {
    setEditing(employee);
    setForm(employee ? formOf(employee) : EMPTY);
    setErrors([]);
    setStranded([]);
    setDone('');
    setTimeout(() => formTitle.current?.focus()); // the form is below the list: the keyboard goes to it
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy || !path) return;
    const missing: FieldError[] = [];
    if (!form.id.trim()) missing.push({ id: 'staff-id', message: t('staff.errors.id') });
    if (!form.displayName.trim()) missing.push({ id: 'staff-displayName', message: t('staff.errors.displayName') });
    if (!form.unitId) missing.push({ id: 'staff-unitId', message: t('staff.errors.unitId') });
    else if (form.serviceIds.length === 0) missing.push({ id: 'staff-serviceIds', message: t('staff.errors.serviceIds') });
    setErrors(missing);
    setStranded([]);
    setDone('');
    if (missing.length > 0) return;
    setBusy(true);
    try {
      await api(editing ? `${path}/${encodeURIComponent(form.id)}` : path, {
        method: editing ? 'PUT' : 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          id: form.id.trim(), displayName: form.displayName.trim(), unitId: form.unitId, serviceIds: form.serviceIds,
          desk: form.desk.trim() || undefined, taxId: form.taxId.trim() || undefined, email: form.email.trim() || undefined,
          roles: form.taxId.trim() ? form.roles : [],
        }),
      });
      const name = form.displayName.trim();
      setDone(t(editing ? 'staff.changed' : form.taxId.trim() ? 'staff.addedWithAccount' : 'staff.added', { name }));
      setEditing(null);
      setForm(EMPTY);
      load();
      refresh(); // the agenda and the schedules name them at once
      doneMessage.current?.focus();
    } catch (failure) {
      setErrors(failure instanceof Problem && failure.violations.length > 0
        ? failure.violations.map((v) => ({ id: inputOf(v.field), message: `${t(`staff.fields.${v.field.replace(/\[\d+]$/, '')}`, { defaultValue: v.field })}: ${v.message}` }))
        : [{ id: failure instanceof Problem ? inputOf(failure.field) : undefined, message: problemText(failure) }]);
      setStranded(failure instanceof Problem ? failure.bookings : []);
    } finally {
      setBusy(false);
    }
  }

  async function remove(employee: Employee) {
    if (!path || !employee.id) return;
    setDone('');
    setListError(null);
    setRemovalStranded([]);
    try {
      await api(`${path}/${encodeURIComponent(employee.id)}`, { method: 'DELETE' });
      setDone(t('staff.removed', { name: employee.displayName }));
      if (editing?.id === employee.id) edit(null);
      load();
      refresh();
      doneMessage.current?.focus(); // the row and its buttons are gone: focus is not lost with them
    } catch (failure) {
      setListError(problemText(failure));
      setRemovalStranded(failure instanceof Problem ? failure.bookings : []);
    } finally {
      setRemoving(null);
    }
  }

  const errorOf = (input: string) => errors.find((e) => e.id === input)?.message;
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  return (
    <div className="mydimos-full-width">
      <h1 className="govgr-heading-xl">{t('staff.title')}</h1>
      <p className="govgr-body">{t('staff.intro')}</p>
      <p className="govgr-body" role="status" tabIndex={-1} ref={doneMessage}>{done}</p>
      {listError && <ErrorSummary title={t('errors.title')} errors={[{ message: listError }]} />}
      <Stranded appointments={removalStranded} closures={false} />
      {staff === null ? (!listError && <p className="govgr-body" role="status">{t('loading')}</p>) : (
        <table className="govgr-table govgr-table--dense govgr-table--stacked-m">
          <caption className="govgr-table__caption govgr-table__caption--s">{t('staff.count', { count: staff.length })}</caption>
          <thead className="govgr-table__head"><tr className="govgr-table__row">
            {['name', 'unit', 'services', 'signIn', 'actions'].map((c) => (
              <th scope="col" className="govgr-table__header" key={c}>{t(`staff.columns.${c}`)}</th>
            ))}
          </tr></thead>
          <tbody className="govgr-table__body">
            {staff.map((e) => (
              <tr className="govgr-table__row" key={e.id}>
                <td className="govgr-table__cell" data-label={t('staff.columns.name')}>
                  <strong>{e.displayName}</strong>{e.desk && <> ({e.desk})</>}
                </td>
                <td className="govgr-table__cell" data-label={t('staff.columns.unit')}>{unitName(e.unitId)}</td>
                <td className="govgr-table__cell" data-label={t('staff.columns.services')}>{(e.serviceIds ?? []).map(serviceName).join(', ')}</td>
                <td className="govgr-table__cell" data-label={t('staff.columns.signIn')}>
                  {e.hasAccount ? t('staff.account', { roles: (e.roles ?? []).map((r) => t(`staff.roles.${r}`)).join(', ') }) : t('staff.noAccount')}
                </td>
                <td className="govgr-table__cell" data-label={t('staff.columns.actions')}>
                  {removing === e.id ? (
                    <div className="govgr-warning-text" role="alert">
                      <p className="govgr-warning-text__text">{t('staff.removeSure', { name: e.displayName })}</p>
                      <Button variant="warning" autoFocus onClick={() => remove(e)}>{t('staff.removeYes')}</Button>{' '}
                      <Button variant="secondary" onClick={() => {
                        setRemoving(null);
                        // back to the button that asked, once it is there again
                        setTimeout(() => document.getElementById(`remove-${e.id}`)?.focus());
                      }}>{t('staff.removeNo')}</Button>
                    </div>
                  ) : (
                    <>
                      <Button variant="secondary" onClick={() => edit(e)}>{t('staff.change', { name: e.displayName })}</Button>{' '}
                      <Button variant="secondary" id={`remove-${e.id}`} onClick={() => setRemoving(e.id ?? null)}>
                        {t('staff.remove', { name: e.displayName })}
                      </Button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form onSubmit={save} noValidate aria-labelledby="staff-form" className="govgr-grid-column-two-thirds">
        <h2 className="govgr-heading-l" id="staff-form" tabIndex={-1} ref={formTitle}>
          {editing ? t('staff.changeTitle', { name: editing.displayName }) : t('staff.new')}
        </h2>
        <ErrorSummary title={t('errors.title')} errors={errors} />
        <Stranded appointments={stranded} closures={false} />
        <TextField id="staff-displayName" label={t('staff.fields.displayName')} value={form.displayName} autoComplete="off"
          error={errorOf('staff-displayName')} onChange={(event) => setForm({ ...form, displayName: event.target.value })} />
        {!editing && (
          <TextField id="staff-id" label={t('staff.fields.id')} hint={t('staff.idHint')} value={form.id} autoComplete="off"
            error={errorOf('staff-id')} onChange={(event) => setForm({ ...form, id: event.target.value })} />
        )}
        <div className={errorOf('staff-unitId') ? 'govgr-field govgr-field__error' : 'govgr-field'}>
          <label className="govgr-label" htmlFor="staff-unitId">{t('staff.fields.unitId')}</label>
          {errorOf('staff-unitId') && <p className="govgr-error-message" id="staff-unitId-error">{errorOf('staff-unitId')}</p>}
          <select className="govgr-select" id="staff-unitId" value={form.unitId}
            aria-describedby={errorOf('staff-unitId') ? 'staff-unitId-error' : undefined}
            onChange={(event) => setForm({ ...form, unitId: event.target.value, serviceIds: [] })}>
            <option value="">{t('staff.choose')}</option>
            {units.map((u) => <option key={u.id} value={u.id}>{greek ? u.nameEl : u.nameEn}</option>)}
          </select>
        </div>
        {form.unitId && (
          <fieldset className="govgr-fieldset" aria-describedby={errorOf('staff-serviceIds') ? 'staff-serviceIds-error' : undefined}>
            <legend className="govgr-heading-s govgr-fieldset__legend">{t('staff.fields.serviceIds')}</legend>
            {errorOf('staff-serviceIds') && <p className="govgr-error-message" id="staff-serviceIds-error">{errorOf('staff-serviceIds')}</p>}
            {ofUnit.map((s, i) => (
              <Checkbox key={s.id} id={i === 0 ? 'staff-serviceIds' : `staff-service-${s.id}`} label={greek ? s.nameEl : s.nameEn}
                checked={form.serviceIds.includes(s.id)}
                onChange={(on) => setForm({ ...form, serviceIds: toggle(form.serviceIds, s.id, on) })} />
            ))}
          </fieldset>
        )}
        <TextField id="staff-desk" label={t('staff.fields.desk')} value={form.desk} autoComplete="off"
          error={errorOf('staff-desk')} onChange={(event) => setForm({ ...form, desk: event.target.value })} />
        <h3 className="govgr-heading-m">{t('staff.signIn')}</h3>
        <p className="govgr-body">{t('staff.signInIntro')}</p>
        {editing?.hasAccount ? (
          <p className="govgr-body">{t('staff.linkedTaxId', { taxId: editing.taxId })}</p>
        ) : (
          <TextField id="staff-taxId" label={t('staff.fields.taxId')} inputMode="numeric" value={form.taxId} autoComplete="off"
            error={errorOf('staff-taxId')} onChange={(event) => setForm({ ...form, taxId: event.target.value })} />
        )}
        <TextField id="staff-email" label={t('staff.fields.email')} hint={t('staff.emailHint')} type="email" value={form.email}
          autoComplete="off" error={errorOf('staff-email')} onChange={(event) => setForm({ ...form, email: event.target.value })} />
        {form.taxId.trim() && <fieldset className="govgr-fieldset" aria-describedby={errorOf('staff-roles') ? 'staff-roles-error' : undefined}>
          <legend className="govgr-heading-s govgr-fieldset__legend">{t('staff.fields.roles')}</legend>
          {errorOf('staff-roles') && <p className="govgr-error-message" id="staff-roles-error">{errorOf('staff-roles')}</p>}
          {ROLES.map((role, i) => (
            <Checkbox key={role} id={i === 0 ? 'staff-roles' : `staff-role-${role}`} label={t(`staff.roles.${role}`)}
              checked={form.roles.includes(role)} onChange={(on) => setForm({ ...form, roles: toggle(form.roles, role, on) })} />
          ))}
        </fieldset>}
        <Button type="submit" aria-disabled={busy}>{editing ? t('staff.save', { name: editing.displayName }) : t('staff.add')}</Button>{' '}
        {editing && <Button type="button" variant="secondary" onClick={() => edit(null)}>{t('staff.cancelChange')}</Button>}
      </form>
    </div>
  );
}

import { actFor, api, problemText, type Employee, type Municipality, type ServiceTerms } from '@mydimos/api';
import { Button, ErrorSummary, Radios, usePageTitle, useSession } from '@mydimos/ui';
import { createContext, useContext, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const STORED = 'mydimos.municipality';

export interface WorkplaceValue {
  /** The municipality the employee acts for; none for one who serves none (a central admin). */
  code?: string;
  municipality: Municipality | null;
  services: ServiceTerms[];
  serviceName: (id: string) => string;
  /** The municipality's employees (their names on the agenda); none where the roles may not list them. */
  employees: Employee[];
  employeeName: (id: string) => string;
  /** Several municipalities served: the choice may be made again. */
  several: boolean;
  change: () => void;
  /** Reads the units, services and staff again, after a screen added or changed one. */
  refresh: () => void;
}

const WorkplaceContext = createContext<WorkplaceValue | null>(null);

export function useWorkplace(): WorkplaceValue {
  const value = useContext(WorkplaceContext);
  if (!value) throw new Error('useWorkplace outside <Workplace>');
  return value;
}

/**
 * The municipality the signed-in employee works in, and its units and services. An employee who serves several
 * chooses one first (seed 004 Art.4§3); every call then names it (Mydimos-Municipality) and everything that follows
 * is scoped to it. The choice lasts for the browser tab.
 */
export function Workplace({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const served = useSession()?.municipalities ?? [];
  const several = served.length > 1;
  const [chosen, setChosen] = useState<string | undefined>(() => {
    const stored = sessionStorage.getItem(STORED) ?? undefined;
    return stored && served.includes(stored) ? stored : undefined;
  });
  const code = several ? chosen : served[0];
  // before any child calls the API (children's effects run before this component's)
  actFor(several ? chosen : undefined);
  const [municipality, setMunicipality] = useState<Municipality | null>(null);
  const [services, setServices] = useState<ServiceTerms[]>([]);
  const [employees, setEmployees] = useState<Employee[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    setMunicipality(null);
    setServices([]);
    setEmployees([]);
  }, [code]);
  useEffect(() => {
    if (!code) return;
    let current = true; // a late answer about a municipality left meanwhile is dropped
    const path = `/api/registry/municipalities/${encodeURIComponent(code)}`;
    Promise.all([api<Municipality>(path), api<ServiceTerms[]>(`${path}/services`)])
      .then(([m, s]) => {
        if (!current) return;
        setMunicipality(m);
        setServices(s);
        setFailure(null);
      })
      .catch((problem) => current && setFailure(problemText(problem)));
    api<Employee[]>(`${path}/employees`).then((found) => current && setEmployees(found)).catch(() => undefined);
    return () => {
      current = false;
    };
  }, [code, version]);

  // the page changes under the control just used: the keyboard and a screen reader start at its content
  const choice = useRef(false);
  useEffect(() => {
    if (choice.current) document.getElementById('main')?.focus();
  }, [chosen]);

  if (several && !chosen) {
    return <ChooseMunicipality served={served} onChoose={(value) => {
      sessionStorage.setItem(STORED, value);
      choice.current = true;
      setChosen(value);
    }} />;
  }
  const greek = i18n.language === 'el';
  const value: WorkplaceValue = {
    code, municipality, services, several, employees,
    employeeName: (id) => employees.find((e) => e.id === id)?.displayName ?? id,
    serviceName: (id) => {
      const s = services.find((candidate) => candidate.id === id);
      return s ? (greek ? s.nameEl : s.nameEn) : id;
    },
    refresh: () => setVersion((v) => v + 1),
    change: () => {
      sessionStorage.removeItem(STORED);
      choice.current = true;
      setChosen(undefined);
    },
  };
  return (
    <WorkplaceContext.Provider value={value}>
      {failure && <ErrorSummary title={i18n.t('errors.title')} errors={[{ message: failure }]} />}
      {children}
    </WorkplaceContext.Provider>
  );
}

function ChooseMunicipality({ served, onChoose }: { served: string[]; onChoose: (code: string) => void }) {
  const { t, i18n } = useTranslation();
  const [names, setNames] = useState<Record<string, Municipality>>({});
  const [choice, setChoice] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  usePageTitle(t('workplace.title'));
  const greek = i18n.language === 'el';

  useEffect(() => {
    Promise.all(served.map((code) => api<Municipality>(`/api/registry/municipalities/${encodeURIComponent(code)}`)
      .catch(() => null)))
      .then((found) => setNames(Object.fromEntries(found.filter((m): m is Municipality => !!m).map((m) => [m.code, m]))));
  }, [served]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!choice) setError(t('workplace.required'));
    else onChoose(choice);
  }

  return (
    <div className="govgr-grid-column-two-thirds">
      <h1 className="govgr-heading-xl">{t('workplace.title')}</h1>
      <form onSubmit={submit} noValidate>
        <ErrorSummary title={t('errors.title')} errors={error ? [{ id: 'municipality', message: error }] : []} />
        <Radios name="municipality" legend={t('workplace.legend')} hint={t('workplace.hint')} value={choice}
          error={error} onChange={(value) => setChoice(value)}
          options={served.map((code) => ({
            value: code, label: names[code] ? (greek ? names[code].nameEl : names[code].nameEn) : code,
          }))} />
        <Button type="submit">{t('workplace.submit')}</Button>
      </form>
    </div>
  );
}

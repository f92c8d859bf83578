import { api, problemText, type BookingStats, type Municipality, type MunicipalitySummary, type ServiceTerms } from '@mydimos/api';
import { addDays, athensToday, Button, ErrorSummary, formatDate, usePageTitle, useSession } from '@mydimos/ui';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkplace } from '../workplace/Workplace';

const DIMENSIONS = ['byUnit', 'byService', 'byMode', 'byStatus', 'byDay'] as const;
type Dimension = (typeof DIMENSIONS)[number] | 'byMunicipality';

/** The first and last day of the current month in Athens. */
function thisMonth(): [string, string] {
  const today = athensToday();
  const first = `${today.slice(0, 8)}01`;
  const next = addDays(first, 32);
  return [first, addDays(`${next.slice(0, 8)}01`, -1)];
}

/**
 * Statistics of bookings (BK-9, seed 004 Art.5§4) for a period: by unit, service, way, status and day (and for the
 * central administration, by municipality), each as a chart with the same figures in a table beside it, and a CSV of
 * them all. A municipal admin sees their municipality; a central admin any one, or all.
 */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const central = useSession()?.roles?.includes('central-admin') ?? false;
  const workplace = useWorkplace();
  const [[from, to], setPeriod] = useState(thisMonth);
  const [asked, setAsked] = useState({ from, to, municipality: '' });
  const [municipality, setMunicipality] = useState('');
  const [municipalities, setMunicipalities] = useState<MunicipalitySummary[]>([]);
  const [chosen, setChosen] = useState<{ municipality: Municipality | null; services: ServiceTerms[] }>({ municipality: null, services: [] });
  const [stats, setStats] = useState<BookingStats | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(t('statistics.title'));
  const greek = i18n.language === 'el';

  useEffect(() => {
    if (central) api<MunicipalitySummary[]>('/api/registry/municipalities').then(setMunicipalities).catch(() => setMunicipalities([]));
  }, [central]);

  // the names of the units and services of the municipality shown: the admin's own, or the one the central admin chose
  const shown = central ? asked.municipality : '';
  useEffect(() => {
    if (!shown) {
      setChosen({ municipality: null, services: [] });
      return;
    }
    const path = `/api/registry/municipalities/${encodeURIComponent(shown)}`;
    Promise.all([api<Municipality>(path), api<ServiceTerms[]>(`${path}/services`)])
      .then(([m, services]) => setChosen({ municipality: m, services }))
      .catch(() => setChosen({ municipality: null, services: [] }));
  }, [shown]);
  const details = useMemo(() => (central ? chosen : { municipality: workplace.municipality, services: workplace.services }),
    [central, chosen, workplace.municipality, workplace.services]);

  useEffect(() => {
    const query = new URLSearchParams({ from: asked.from, to: asked.to });
    if (central && asked.municipality) query.set('municipality', asked.municipality);
    let current = true;
    setStats(null); // nothing of the period shown before stands under the new one
    api<BookingStats>(`/api/bookings/stats?${query}`)
      .then((found) => {
        if (!current) return;
        setStats(found);
        setError(null);
      })
      .catch((failure) => current && setError(problemText(failure)));
    return () => {
      current = false;
    };
  }, [asked, central]);

  function show(event: FormEvent) {
    event.preventDefault();
    setAsked({ from, to, municipality });
  }

  const label = useMemo(() => {
    const name = (item: { nameEl?: string | null; nameEn?: string | null } | undefined) => (item ? (greek ? item.nameEl : item.nameEn) : undefined);
    return (dimension: Dimension, key: string): string => {
      switch (dimension) {
        case 'byUnit': return name(details.municipality?.units.find((u) => u.id === key)) ?? key;
        case 'byService': return name(details.services.find((s) => s.id === key)) ?? key;
        case 'byMode': return t(`mode.${key}`);
        case 'byStatus': return t(`status.${key}`);
        case 'byDay': return formatDate(key);
        case 'byMunicipality': return name(municipalities.find((m) => m.code === key)) ?? key;
      }
    };
  }, [details, municipalities, greek, t]);

  const dimensions = useMemo<Dimension[]>(() => (central && !asked.municipality ? ['byMunicipality', ...DIMENSIONS] : [...DIMENSIONS]),
    [central, asked.municipality]);
  const csv = useMemo(() => (stats ? toCsv(stats, dimensions, label, t) : null), [stats, dimensions, label, t]);

  return (
    <div className="mydimos-full-width">
      <h1 className="govgr-heading-xl">{t('statistics.title')}</h1>
      <form onSubmit={show} noValidate className="mydimos-filters">
        <div className="govgr-field">
          <label className="govgr-label" htmlFor="stats-from">{t('statistics.from')}</label>
          <input className="govgr-input" type="date" id="stats-from" value={from} onChange={(e) => e.target.value && setPeriod([e.target.value, to])} />
        </div>
        <div className="govgr-field">
          <label className="govgr-label" htmlFor="stats-to">{t('statistics.to')}</label>
          <input className="govgr-input" type="date" id="stats-to" value={to} onChange={(e) => e.target.value && setPeriod([from, e.target.value])} />
        </div>
        {central && (
          <div className="govgr-field">
            <label className="govgr-label" htmlFor="stats-municipality">{t('statistics.municipality')}</label>
            <select className="govgr-select" id="stats-municipality" value={municipality} onChange={(e) => setMunicipality(e.target.value)}>
              <option value="">{t('statistics.allMunicipalities')}</option>
              {municipalities.map((m) => <option key={m.code} value={m.code}>{greek ? m.nameEl : m.nameEn}</option>)}
            </select>
          </div>
        )}
        <Button type="submit" variant="secondary">{t('statistics.show')}</Button>
      </form>
      {error && <ErrorSummary title={t('errors.title')} errors={[{ message: error }]} />}
      <p className="govgr-body" role="status">
        {stats ? t('statistics.total', { count: stats.total ?? 0, from: formatDate(asked.from), to: formatDate(asked.to) }) : t('loading')}
      </p>
      {stats && csv && (
        <a className="govgr-btn govgr-btn-secondary" download={`statistics-${stats.municipality ?? 'all'}-${asked.from}-${asked.to}.csv`}
          href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`}>{t('statistics.csv')}</a>
      )}
      {stats && (stats.total ?? 0) > 0 && dimensions.map((dimension) => (
        <Chart key={dimension} title={t(`statistics.dimensions.${dimension}`)} counts={stats[dimension] ?? {}}
          label={(key) => label(dimension, key)} />
      ))}
    </div>
  );
}

/**
 * One dimension: bars for the eye (hidden from assistive technology) beside a table with the same figures, which is
 * what a screen reader reads.
 */
function Chart({ title, counts, label }: { title: string; counts: Record<string, number>; label: (key: string) => string }) {
  const { t } = useTranslation();
  const id = useId();
  const entries = Object.entries(counts);
  const most = Math.max(1, ...entries.map(([, n]) => n));
  return (
    <section className="mydimos-chart" aria-labelledby={id}>
      <h2 className="govgr-heading-m" id={id}>{title}</h2>
      <div className="mydimos-chart__body">
        <div className="mydimos-chart__bars" aria-hidden="true">
          {entries.map(([key, n]) => (
            <div className="mydimos-chart__row" key={key}>
              <span className="mydimos-chart__label">{label(key)}</span>
              <span className="mydimos-chart__bar" style={{ width: `${(n / most) * 100}%` }} />
              <span className="mydimos-chart__value">{n}</span>
            </div>
          ))}
        </div>
        <table className="govgr-table govgr-table--dense">
          <caption className="govgr-visually-hidden">{title}</caption>
          <thead className="govgr-table__head"><tr className="govgr-table__row">
            <th scope="col" className="govgr-table__header">{t('statistics.item')}</th>
            <th scope="col" className="govgr-table__header govgr-table__header--numeric">{t('statistics.bookings')}</th>
          </tr></thead>
          <tbody className="govgr-table__body">
            {entries.map(([key, n]) => (
              <tr className="govgr-table__row" key={key}>
                <th scope="row" className="govgr-table__header">{label(key)}</th>
                <td className="govgr-table__cell govgr-table__cell--numeric">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Every figure shown, one line each: dimension, key, name, bookings — UTF-8 with a BOM so that spreadsheets read Greek. */
function toCsv(stats: BookingStats, dimensions: Dimension[], label: (d: Dimension, key: string) => string,
  t: (key: string) => string): string {
  const quote = (value: string | number) => `"${String(value).replace(/"/g, '""')}"`;
  const lines = [[t('statistics.csvDimension'), t('statistics.csvKey'), t('statistics.item'), t('statistics.bookings')].map(quote).join(',')];
  for (const dimension of dimensions) {
    for (const [key, n] of Object.entries(stats[dimension] ?? {})) {
      lines.push([t(`statistics.dimensions.${dimension}`), key, label(dimension, key), n].map(quote).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

import { Radios } from './Radios';
import { addDays, athensDay, athensToday, formatDay, formatTime } from './time';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, problemText } from '@mydimos/api';
import type { Mode, Slot } from '@mydimos/api';

/** How far ahead the picker looks: one slot search (the API takes up to 62 days). */
const DAYS_AHEAD = 60;

export interface SlotPickerProps {
  municipality: string;
  service: string;
  mode: Mode;
  employee?: string;
  value?: string;
  onChange: (start: string | undefined) => void;
  error?: string;
  /** Changes when the free times must be read again (a time was taken meanwhile). */
  refresh?: number;
}

/**
 * A day and a time, in Athens time: the days offered are only those with a free time (one search over the next two
 * months), and a day's times are radio buttons that name the time in full for a screen reader.
 */
export function SlotPicker({ municipality, service, mode, employee, value, onChange, error, refresh }: SlotPickerProps) {
  const { t } = useTranslation();
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [day, setDay] = useState<string | undefined>(value ? athensDay(value) : undefined);

  useEffect(() => {
    const from = athensToday();
    const query = new URLSearchParams({ municipality, service, mode, from, to: addDays(from, DAYS_AHEAD - 1) });
    if (employee) query.set('employee', employee);
    setSlots(null);
    let current = true; // a late answer to an earlier question (another way or employee) is dropped
    api<Slot[]>(`/api/availability/slots?${query}`)
      .then((found) => {
        if (!current) return;
        setSlots(found);
        setFailure(null);
      })
      .catch((problem) => current && setFailure(problemText(problem)));
    return () => {
      current = false;
    };
  }, [municipality, service, mode, employee, refresh]);

  const days = useMemo(() => {
    const byDay = new Map<string, Slot[]>();
    for (const slot of slots ?? []) {
      const key = athensDay(slot.start);
      byDay.set(key, [...(byDay.get(key) ?? []), slot]);
    }
    return byDay;
  }, [slots]);

  // the first day with free times, unless the chosen one still has some
  const shownDay = day && days.has(day) ? day : days.keys().next().value;
  const times = shownDay ? days.get(shownDay) ?? [] : [];

  if (failure) {
    return <p className="govgr-error-message" role="alert">{failure}</p>;
  }
  if (!slots) {
    return <p className="govgr-body" role="status">{t('slots.loadingTimes')}</p>;
  }
  if (days.size === 0) {
    return <p className="govgr-body" role="status">{t('slots.noTimes')}</p>;
  }
  return (
    <div>
      <div className="govgr-field">
        <label className="govgr-label" htmlFor="day">{t('slots.day')}</label>
        <p className="govgr-hint" id="day-hint">{t('slots.dayHint')}</p>
        <select className="govgr-select" id="day" aria-describedby="day-hint" value={shownDay}
          onChange={(event) => {
            setDay(event.target.value);
            onChange(undefined); // a time of the day left is no longer the choice
          }}>
          {[...days.entries()].map(([key, free]) => (
            <option key={key} value={key}>
              {t('slots.dayOption', { day: formatDay(key), count: free.length })}
            </option>
          ))}
        </select>
      </div>
      <div className="mydimos-times">
      <Radios name="start" legend={t('slots.time', { day: formatDay(shownDay!) })} legendSize="s" inline
        hint={t('slots.timeHint')} error={error} value={value}
        onChange={onChange}
        options={times.map((slot) => ({
          value: slot.start,
          label: <><span aria-hidden="true">{formatTime(slot.start)}</span>
            <span className="govgr-visually-hidden">{`${formatDay(slot.start)}, ${formatTime(slot.start)}`}</span></>,
        }))} />
      </div>
    </div>
  );
}

import type { StrandedAppointment } from '@mydimos/api';
import { formatDateTime } from '@mydimos/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkplace } from './workplace/Workplace';

/**
 * The booked appointments a refused change would strand (AV-7), with why each would no longer be served: a schedule,
 * a service or an employee changed, a national closure. title: what was refused, where the default does not say it.
 */
export function Stranded({ appointments, title, closures = true }: {
  appointments: StrandedAppointment[]; title?: string; closures?: boolean;
}) {
  const { t } = useTranslation();
  const { code, employeeName, serviceName } = useWorkplace();
  if (appointments.length === 0) return null;
  return (
    <div className="govgr-warning-text">
      <p className="govgr-body"><strong>{title ?? t('stranded.title', { count: appointments.length })}</strong></p>
      <ul className="govgr-list govgr-list--bullet">
        {appointments.map((a) => (
          <li key={a.bookingReference}>
            {a.bookingReference}{a.municipality && a.municipality !== code && `, ${a.municipality}`}
            {a.start && `, ${formatDateTime(a.start)}`}{a.service && `, ${serviceName(a.service)}`}
            {a.employee && `, ${employeeName(a.employee)}`}
            {a.reason && ` — ${t(`stranded.why.${a.reason}`, { defaultValue: a.reason })}`}
          </li>
        ))}
      </ul>
      <p className="govgr-body">{closures
        ? <Link className="govgr-link" to="/closures">{t('stranded.help')}</Link> : t('stranded.moveFirst')}</p>
    </div>
  );
}

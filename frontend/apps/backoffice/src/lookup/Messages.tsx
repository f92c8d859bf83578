import { api, problemText, type DeliveryEntry } from '@mydimos/api';
import { formatDateTime } from '@mydimos/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The messages of a booking (NT-3): what was sent to whom and when, what is still to go, and for staff why a message
 * failed — what a clerk needs when a caller says they got no mail.
 */
export function Messages({ reference }: { reference: string }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<DeliveryEntry[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    api<DeliveryEntry[]>(`/api/notifications?booking=${encodeURIComponent(reference)}`)
      .then(setEntries).catch((problem) => setFailure(problemText(problem)));
  }, [reference]);

  if (failure) return <p className="govgr-error-message">{failure}</p>;
  if (!entries) return null;
  if (entries.length === 0) return <p className="govgr-body">{t('messages.none')}</p>;
  return (
    <table className="govgr-table govgr-table--dense govgr-table--stacked-m">
      <caption className="govgr-table__caption govgr-table__caption--s">{t('messages.title')}</caption>
      <thead className="govgr-table__head"><tr className="govgr-table__row">
        {['kind', 'to', 'delivery'].map((c) => <th scope="col" className="govgr-table__header" key={c}>{t(`messages.${c}`)}</th>)}
      </tr></thead>
      <tbody className="govgr-table__body">
        {entries.map((e, i) => (
          <tr className="govgr-table__row" key={i}>
            <td className="govgr-table__cell" data-label={t('messages.kind')}>{e.kind ? t(`messages.kinds.${e.kind}`) : ''}</td>
            <td className="govgr-table__cell" data-label={t('messages.to')}>{e.to ? t(`messages.recipients.${e.to}`) : ''}</td>
            <td className="govgr-table__cell" data-label={t('messages.delivery')}>
              {e.status ? t(`messages.statuses.${e.status}`) : ''}
              {e.sentAt ? ` – ${formatDateTime(e.sentAt)}` : e.status === 'PENDING' && e.dueAt ? ` – ${formatDateTime(e.dueAt)}` : ''}
              {e.lastError && <><br /><span className="mydimos-note">{t('messages.error', { error: e.lastError, attempts: e.attempts ?? 0 })}</span></>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

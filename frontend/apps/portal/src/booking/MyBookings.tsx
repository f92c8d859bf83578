import { ErrorSummary, formatDateTime, usePageTitle, useSession } from '@mydimos/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, problemText } from '@mydimos/api';
import type { Booking } from '@mydimos/api';
import { SignInFirst } from '../session/SignInFirst';

/** «Τα ραντεβού μου»: the person's bookings, coming ones first; and what the platform holds about them. */
export function MyBookings() {
  const { t } = useTranslation();
  usePageTitle(t('mine.title'));
  const session = useSession();
  const [bookings, setBookings] = useState<Booking[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!session?.signedIn) return;
    api<Booking[]>('/api/bookings').then(setBookings)
      .catch((failure) => setError(problemText(failure)));
  }, [session, t]);

  async function downloadMyData() {
    try {
      const data = await api<unknown>('/api/bookings/my-data');
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      link.download = 'mydimos-data.json';
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000); // the download has its copy by then
    } catch (failure) {
      setError(problemText(failure));
    }
  }

  if (session === null) return <p className="govgr-body" role="status">{t('municipality.loading')}</p>;
  if (!session.signedIn) return <SignInFirst title={t('mine.title')} text={t('mine.signInFirst')} />;
  const now = new Date();
  const coming = (bookings ?? []).filter((b) => b.status === 'CONFIRMED' && new Date(b.end) > now);
  const other = (bookings ?? []).filter((b) => !coming.includes(b)).reverse();
  return (
    <div className="govgr-grid-column-two-thirds">
      <h1 className="govgr-heading-xl">{t('mine.title')}</h1>
      {error && <ErrorSummary title={t('errors.title')} errors={[{ message: error }]} />}
      {!bookings ? <p className="govgr-body" role="status">{t('municipality.loading')}</p> : (
        <>
          <h2 className="govgr-heading-m">{t('mine.coming')}</h2>
          {coming.length === 0 ? <p className="govgr-body">{t('mine.none')} <Link className="govgr-link" to="/">{t('mine.bookOne')}</Link></p>
            : <List bookings={coming} />}
          {other.length > 0 && <>
            <h2 className="govgr-heading-m">{t('mine.past')}</h2>
            <List bookings={other} />
          </>}
        </>
      )}
      <h2 className="govgr-heading-m">{t('mine.more')}</h2>
      <ul className="govgr-list">
        <li><Link className="govgr-link" to="/certificates">{t('certificates.title')}</Link></li>
        <li><button type="button" className="govgr-btn-link govgr-link" onClick={downloadMyData}>{t('mine.myData')}</button></li>
      </ul>
    </div>
  );
}

function List({ bookings }: { bookings: Booking[] }) {
  const { t } = useTranslation();
  return (
    <ul className="govgr-list">
      {bookings.map((b) => (
        <li key={b.reference}>
          <Link className="govgr-link" to={`/bookings/${b.reference}`}>
            {formatDateTime(b.start)} – {t(`mode.${b.mode}`)} ({b.reference})
          </Link>
          {b.status !== 'CONFIRMED' && <> – {t(`status.${b.status}`)}</>}
          {b.proposedTransfer && <> – <strong>{t('mine.transferWaiting')}</strong></>}
        </li>
      ))}
    </ul>
  );
}

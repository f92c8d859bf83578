import { formatDateTime, SummaryRow, usePageTitle } from '@mydimos/ui';
import { CallRoom, useCall } from '@mydimos/ui/src/call';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, Problem, problemText } from '@mydimos/api';
import type { CallAdmission, Municipality, ServiceTerms } from '@mydimos/api';

/** The call itself, once the person has chosen to enter: a fresh ticket then, and the room. */
function InCall({ room, admit, onRejoin }: { room: string; admit: () => Promise<CallAdmission>; onRejoin: () => void }) {
  const call = useCall(room, async () => (await admit()).ticket);
  return <CallRoom call={call} onRejoin={onRejoin} />;
}

/**
 * The page a call's link opens (the confirmation mail, the invitation, «Τα ραντεβού μου»): who the call is with and
 * when, what to have ready, a way to check the camera and microphone first — then the room. Whoever the link is not
 * for, or comes when the room is not open, is told why and what to do.
 */
export function CallPage() {
  const { link = '' } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t('callPage.title'));
  const [admission, setAdmission] = useState<CallAdmission | null>(null);
  const [refusal, setRefusal] = useState<unknown>(null);
  // what the call is about, named in the page's language when shown (switching language does not ask again)
  const [about, setAbout] = useState<{ municipality: Municipality; service?: ServiceTerms } | null>(null);
  const [entered, setEntered] = useState(0);
  const greek = i18n.language === 'el';

  const admit = useCallback(() => api<CallAdmission>('/api/bookings/calls/admissions', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ link }),
  }), [link]);

  const ask = useCallback(() => {
    setRefusal(null);
    admit().then(async (admitted) => {
      setAdmission(admitted);
      const code = encodeURIComponent(admitted.municipality);
      const [m, services] = await Promise.all([api<Municipality>(`/api/registry/municipalities/${code}`),
        api<ServiceTerms[]>(`/api/registry/municipalities/${code}/services`)]);
      setAbout({ municipality: m, service: services.find((s) => s.id === admitted.service) });
    }).catch(setRefusal);
  }, [admit]);
  useEffect(ask, [ask]);

  if (refusal) {
    const problem = refusal instanceof Problem ? refusal : null;
    const reason = problem?.extensions.reason;
    return (
      <div className="govgr-grid-column-two-thirds">
        <h1 className="govgr-heading-xl">{t('callPage.notOpen')}</h1>
        <p className="govgr-body">{problem?.status === 404 ? t('callPage.unknown') : problemText(refusal)}</p>
        {reason === 'not-yet' && (
          <>
            <p className="govgr-body">{t('callPage.comeBack')}</p>
            <p className="govgr-body"><Link className="govgr-link" to="/device-check">{t('callPage.checkDevices')}</Link></p>
            <button type="button" className="govgr-btn govgr-btn-primary" onClick={ask}>{t('callPage.tryAgain')}</button>
          </>
        )}
        {reason === 'cancelled' && <p className="govgr-body"><Link className="govgr-link" to="/">{t('callPage.bookAgain')}</Link></p>}
      </div>
    );
  }
  if (!admission) return <p className="govgr-body" role="status">{t('callPage.loading')}</p>;
  const names = about && {
    municipality: greek ? about.municipality.nameEl : about.municipality.nameEn,
    service: about.service ? (greek ? about.service.nameEl : about.service.nameEn) : admission.service,
  };

  return (
    <div className="mydimos-full-width">
      <h1 className="govgr-heading-xl">{names ? t('callPage.with', { municipality: names.municipality }) : t('callPage.title')}</h1>
      {entered === 0 ? (
        <div className="govgr-grid-column-two-thirds">
          <dl className="govgr-summary-list">
            <SummaryRow term={t('callPage.service')}>{names?.service ?? ''}</SummaryRow>
            <SummaryRow term={t('callPage.when')}>{formatDateTime(admission.start)}</SummaryRow>
            <SummaryRow term={t('callPage.as')}>{t(`call.role.${admission.role}`)}</SummaryRow>
          </dl>
          <p className="govgr-body">{t(admission.role === 'APPLICANT' ? 'callPage.bringId'
            : admission.role === 'INTERPRETER' ? 'callPage.interpreter' : 'callPage.invited')}</p>
          <p className="govgr-body">{t('callPage.nothingRecorded')}</p>
          <p className="govgr-body"><Link className="govgr-link" to="/device-check">{t('callPage.checkDevices')}</Link></p>
          <button type="button" className="govgr-btn govgr-btn-primary" onClick={() => setEntered(1)}>{t('callPage.enter')}</button>
        </div>
      ) : (
        <InCall key={entered} room={admission.room} admit={admit} onRejoin={() => setEntered((n) => n + 1)} />
      )}
    </div>
  );
}

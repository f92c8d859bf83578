import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call, CallParticipant } from './useCall';

/** A picture (and the sound) of one stream; a person's own is muted, so that they do not hear themselves. */
function Picture({ stream, own, label }: { stream?: MediaStream; own?: boolean; label: string }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current && video.current.srcObject !== (stream ?? null)) video.current.srcObject = stream ?? null;
  }, [stream]);
  return <video ref={video} className="mydimos-call__video" autoPlay playsInline muted={own} aria-label={label} />;
}

function Tile({ participant }: { participant: CallParticipant }) {
  const { t } = useTranslation();
  const role = t(`call.role.${participant.role}`);
  const notes = [
    participant.connection !== 'connected' ? t(`call.connection.${participant.connection}`) : '',
    participant.video ? '' : t('call.soundOnly'),
    participant.audio ? '' : t('call.mutedNote'),
  ].filter(Boolean);
  return (
    <li className="mydimos-call__tile">
      <Picture stream={participant.stream} label={t('call.pictureOf', { role })} />
      <p className="govgr-body mydimos-call__name">{role}{notes.length > 0 && ` – ${notes.join(', ')}`}</p>
    </li>
  );
}

/**
 * The room as each participant sees it: their own picture and everyone else's, what is happening in words (for a
 * screen reader too), and the controls — microphone, sound only once the identity check is done (seed 004 Art.3§2),
 * leaving. `children`: what the page adds beside the call (the employee's identity check).
 */
/** Why the call ended, as the room or the page says it, and what the person is told. */
const ENDED: Record<string, string> = {
  left: 'call.status.left', replaced: 'call.status.replaced', 'time-up': 'call.status.timeUp',
  cancelled: 'call.status.cancelled', moved: 'call.status.moved',
};

export function CallRoom({ call, onRejoin, children }: { call: Call; onRejoin: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const others = call.participants;
  let status: string;
  switch (call.state) {
    case 'media': status = t('call.status.media'); break;
    case 'joining': status = t('call.status.joining'); break;
    case 'in-call': status = others.length === 0 ? t('call.status.waiting')
      : t('call.status.with', { people: others.map((p) => t(`call.role.${p.role}`)).join(', ') }); break;
    case 'ended': status = t(ENDED[call.reason ?? ''] ?? 'call.status.ended'); break;
    case 'refused': status = t('call.status.refused'); break;
    case 'lost': status = t('call.status.lost'); break;
    default: status = t(`call.media.${call.mediaProblem ?? 'failed'}`);
  }
  // with the room's connection lost, the people already connected still see and hear each other
  const live = call.state === 'in-call' || call.state === 'joining' || call.state === 'lost';
  return (
    <div className="mydimos-call">
      <p className="govgr-body mydimos-call__status" role="status">{status}</p>
      {call.state === 'media-failed' && (
        <div className="govgr-warning-text">
          <p className="govgr-warning-text__text">{t(`call.media.${call.mediaProblem ?? 'failed'}Help`)}</p>
        </div>
      )}
      {live && (
        <>
          <ul className="mydimos-call__tiles">
            <li className="mydimos-call__tile">
              <Picture stream={call.local} own label={t('call.yourPicture')} />
              <p className="govgr-body mydimos-call__name">{t('call.you')}{call.soundOnly && ` – ${t('call.soundOnly')}`}{call.muted && ` – ${t('call.mutedNote')}`}</p>
            </li>
            {others.map((p) => <Tile key={p.id} participant={p} />)}
          </ul>
          <div className="govgr-button-group">
            <button type="button" className="govgr-btn govgr-btn-secondary" aria-pressed={call.muted}
              onClick={() => call.setMuted(!call.muted)}>{t('call.mute')}</button>
            <button type="button" className="govgr-btn govgr-btn-secondary" aria-pressed={call.soundOnly}
              disabled={!call.identityChecked} aria-describedby={call.identityChecked ? undefined : 'sound-only-hint'}
              onClick={() => void call.setSoundOnly(!call.soundOnly)}>{t('call.soundOnlyButton')}</button>
            <button type="button" className="govgr-btn govgr-btn-warning" onClick={call.leave}>{t('call.leave')}</button>
          </div>
          {!call.identityChecked && <p className="govgr-hint" id="sound-only-hint">{t('call.soundOnlyHint')}</p>}
        </>
      )}
      {(call.state === 'lost' || call.state === 'media-failed' || (call.state === 'ended' && (call.reason === 'left' || call.reason === 'replaced'))) && (
        <button type="button" className="govgr-btn govgr-btn-primary" onClick={onRejoin}>{t('call.rejoin')}</button>
      )}
      {children}
    </div>
  );
}

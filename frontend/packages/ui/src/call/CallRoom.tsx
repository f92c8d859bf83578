import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call, CallParticipant } from './useCall';

/**
 * A picture (and the sound) of one stream; a person's own is muted, so that they do not hear themselves. Should the
 * browser hold the sound back (autoplay), a button starts it.
 */
function Picture({ stream, own, label }: { stream?: MediaStream; own?: boolean; label: string }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    if (video.current && video.current.srcObject !== (stream ?? null)) video.current.srcObject = stream ?? null;
  }, [stream]);
  const play = () => video.current?.play().then(() => setBlocked(false), () => setBlocked(true));
  return (
    <>
      <video ref={video} className="mydimos-call__video" autoPlay playsInline muted={own} aria-label={label}
        onLoadedMetadata={() => void play()} />
      {blocked && <button type="button" className="govgr-btn govgr-btn-secondary" onClick={() => void play()}>{t('call.play', { who: label })}</button>}
    </>
  );
}

function Tile({ participant, name }: { participant: CallParticipant; name: string }) {
  const { t } = useTranslation();
  const notes = [
    participant.connection !== 'connected' ? t(`call.connection.${participant.connection}`) : '',
    participant.video ? '' : t('call.soundOnly'),
    participant.audio ? '' : t('call.mutedNote'),
  ].filter(Boolean);
  return (
    <li className="mydimos-call__tile">
      <Picture stream={participant.stream} label={t('call.pictureOf', { role: name })} />
      <p className="govgr-body mydimos-call__name">{name}{notes.length > 0 && ` – ${notes.join(', ')}`}</p>
    </li>
  );
}

/** Why the call ended, as the room or the page says it, and what the person is told. */
const ENDED: Record<string, string> = {
  left: 'call.status.left', replaced: 'call.status.replaced', 'time-up': 'call.status.timeUp',
  cancelled: 'call.status.cancelled', moved: 'call.status.moved',
};

/** Each participant's name in words: their role, numbered where two share one (two invited people). */
function useNames(participants: CallParticipant[]): Map<string, string> {
  const { t } = useTranslation();
  const names = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const p of participants) {
    const count = participants.filter((other) => other.role === p.role).length;
    const n = (seen.get(p.role) ?? 0) + 1;
    seen.set(p.role, n);
    names.set(p.id, count > 1 ? `${t(`call.role.${p.role}`)} ${n}` : t(`call.role.${p.role}`));
  }
  return names;
}

/**
 * What happens to the others, said once to a screen reader: someone left, or their connection failed (who is in the
 * call is in the status itself).
 */
function useEvents(participants: CallParticipant[], names: Map<string, string>): string {
  const { t } = useTranslation();
  const before = useRef(new Map<string, { name: string; connection: string }>());
  const [said, setSaid] = useState('');
  useEffect(() => {
    const now = new Map(participants.map((p) => [p.id, { name: names.get(p.id) ?? p.role, connection: p.connection }]));
    const events: string[] = [];
    before.current.forEach((was, id) => { if (!now.has(id)) events.push(t('call.event.left', { who: was.name })); });
    now.forEach((is, id) => {
      if (is.connection === 'failed' && before.current.get(id)?.connection !== 'failed') {
        events.push(t('call.event.failed', { who: is.name }));
      }
    });
    before.current = now;
    if (events.length > 0) setSaid(events.join(' '));
  }, [participants, names, t]);
  return said;
}

/**
 * The room as each participant sees it: their own picture and everyone else's, what is happening in words (for a
 * screen reader too: the status takes the focus whenever the call's state changes, since the button pressed is gone
 * by then), and the controls — microphone, sound only once the identity check is done (seed 004 Art.3§2), leaving.
 * `children`: what the page adds beside the call (the employee's identity check). `refused`: what to do when the
 * room would not take the person, in the words of the page's app.
 */
export function CallRoom({ call, onRejoin, refused, children }: {
  call: Call; onRejoin: () => void; refused?: string; children?: ReactNode;
}) {
  const { t } = useTranslation();
  const others = call.participants;
  const names = useNames(others);
  const events = useEvents(others, names);
  const [notice, setNotice] = useState('');
  const statusBlock = useRef<HTMLDivElement>(null);
  useEffect(() => statusBlock.current?.focus(), [call.state]);

  let status: string;
  switch (call.state) {
    case 'media': status = t('call.status.media'); break;
    case 'joining': status = t('call.status.joining'); break;
    case 'in-call': status = others.length === 0 ? t('call.status.waiting')
      : t('call.status.with', { people: others.map((p) => names.get(p.id)).join(', ') }); break;
    case 'ended': status = t(ENDED[call.reason ?? ''] ?? 'call.status.ended'); break;
    case 'refused': status = refused ?? t('call.status.refused'); break;
    case 'lost': status = t('call.status.lost'); break;
    default: status = t(`call.media.${call.mediaProblem ?? 'failed'}`);
  }
  const toggleSoundOnly = () => {
    if (!call.identityChecked) return;
    setNotice('');
    call.setSoundOnly(!call.soundOnly).catch(() => setNotice(t('call.cameraBackFailed')));
  };
  // with the room's connection lost, the people already connected still see and hear each other
  const live = call.state === 'in-call' || call.state === 'joining' || call.state === 'lost';
  return (
    <section className="mydimos-call" aria-label={t('call.room')}>
      <div ref={statusBlock} tabIndex={-1} className="mydimos-call__status">
        <p className="govgr-body" role="status">{status}</p>
        {call.state === 'media-failed' && (
          <div className="govgr-warning-text">
            <p className="govgr-warning-text__text">{t(`call.media.${call.mediaProblem ?? 'failed'}Help`)}</p>
          </div>
        )}
      </div>
      <p className="govgr-visually-hidden" aria-live="polite">{events}</p>
      {notice && <p className="govgr-error-message" role="alert">{notice}</p>}
      {live && (
        <>
          <h2 className="govgr-visually-hidden">{t('call.pictures')}</h2>
          <ul className="mydimos-call__tiles">
            <li className="mydimos-call__tile">
              <Picture stream={call.local} own label={t('call.yourPicture')} />
              <p className="govgr-body mydimos-call__name">{t('call.you')}{call.soundOnly && ` – ${t('call.soundOnly')}`}{call.muted && ` – ${t('call.mutedNote')}`}</p>
            </li>
            {others.map((p) => <Tile key={p.id} participant={p} name={names.get(p.id) ?? p.role} />)}
          </ul>
          <h2 className="govgr-visually-hidden">{t('call.controls')}</h2>
          <div className="govgr-button-group">
            <button type="button" className="govgr-btn govgr-btn-secondary" aria-pressed={call.muted}
              onClick={() => call.setMuted(!call.muted)}>{t('call.mute')}</button>
            <button type="button" className="govgr-btn govgr-btn-secondary" aria-pressed={call.soundOnly}
              aria-disabled={!call.identityChecked} aria-describedby={call.identityChecked ? undefined : 'sound-only-hint'}
              onClick={toggleSoundOnly}>{t('call.soundOnlyButton')}</button>
            <button type="button" className="govgr-btn govgr-btn-warning" onClick={call.leave}>{t('call.leave')}</button>
          </div>
          {!call.identityChecked && <p className="govgr-hint" id="sound-only-hint">{t('call.soundOnlyHint')}</p>}
        </>
      )}
      {(call.state === 'lost' || call.state === 'media-failed' || (call.state === 'ended' && (call.reason === 'left' || call.reason === 'replaced'))) && (
        <button type="button" className="govgr-btn govgr-btn-primary" onClick={onRejoin}>{t('call.rejoin')}</button>
      )}
      {children}
    </section>
  );
}

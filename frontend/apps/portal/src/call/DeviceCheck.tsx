import { usePageTitle } from '@mydimos/ui';
import { mediaProblem, type MediaProblem } from '@mydimos/ui/src/call';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Before a video call (the confirmation and the reminder link here): the camera's picture, the microphone's level and a
 * sound for the speakers, on this device, in this browser — and what to do when the browser refuses. Nothing leaves
 * the page.
 */
export function DeviceCheck() {
  const { t } = useTranslation();
  usePageTitle(t('devices.title'));
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<MediaProblem | null>(null);
  const [level, setLevel] = useState(0);
  const [playing, setPlaying] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const audio = useRef<AudioContext | null>(null);
  const cameraHeading = useRef<HTMLHeadingElement>(null);

  const start = async () => {
    setProblem(null);
    try {
      setStream(await navigator.mediaDevices.getUserMedia({ audio: true, video: true }));
    } catch (failure) {
      setProblem(mediaProblem(failure));
    }
  };

  useEffect(() => {
    if (!stream) return undefined;
    if (video.current) video.current.srcObject = stream;
    cameraHeading.current?.focus(); // the start button is gone: the keyboard goes on from what it showed
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    // the level, a few times a second: enough to see the microphone hears, without redrawing the page all the time
    const timer = window.setInterval(() => {
      analyser.getByteTimeDomainData(samples);
      let peak = 0;
      for (const sample of samples) peak = Math.max(peak, Math.abs(sample - 128) / 128);
      setLevel(Math.round(peak * 100) / 100);
    }, 250);
    return () => {
      window.clearInterval(timer);
      void context.close();
      stream.getTracks().forEach((track) => track.stop());
    };
  }, [stream]);

  const playTone = () => {
    if (playing) return;
    audio.current ??= new AudioContext();
    const tone = audio.current.createOscillator();
    tone.frequency.value = 440;
    tone.connect(audio.current.destination);
    tone.start();
    tone.stop(audio.current.currentTime + 1);
    setPlaying(true);
    tone.onended = () => setPlaying(false);
  };

  const camera = stream?.getVideoTracks()[0]?.label;
  const microphone = stream?.getAudioTracks()[0]?.label;
  return (
    <div className="govgr-grid-column-two-thirds">
      <h1 className="govgr-heading-xl">{t('devices.title')}</h1>
      <p className="govgr-body">{t('devices.intro')}</p>
      {!stream && <button type="button" className="govgr-btn govgr-btn-primary" onClick={() => void start()}>{t('devices.start')}</button>}
      {problem && (
        <div className="govgr-error-summary" role="alert">
          <h2 className="govgr-error-summary__title">{t(`call.media.${problem}`)}</h2>
          <p className="govgr-body">{t(`call.media.${problem}Help`)}</p>
        </div>
      )}
      {stream && (
        <>
          <h2 className="govgr-heading-m" ref={cameraHeading} tabIndex={-1}>{t('devices.camera')}</h2>
          <video ref={video} className="mydimos-call__video" autoPlay playsInline muted aria-label={t('devices.preview')} />
          <p className="govgr-body">{camera ? t('devices.using', { device: camera }) : t('call.media.missing')}</p>
          <h2 className="govgr-heading-m">{t('devices.microphone')}</h2>
          <label className="govgr-label" htmlFor="microphone-level">{t('devices.level')}</label>
          <meter id="microphone-level" min={0} max={1} low={0.05} value={level}>{Math.round(level * 100)} %</meter>
          <p className="govgr-body">{microphone ? t('devices.using', { device: microphone }) : t('call.media.missing')}</p>
          <h2 className="govgr-heading-m">{t('devices.speakers')}</h2>
          <p className="govgr-body">{t('devices.speakersHint')}</p>
          <button type="button" className="govgr-btn govgr-btn-secondary" onClick={playTone} aria-disabled={playing}>{t('devices.playTone')}</button>
          <div className="govgr-panel govgr-panel--confirmation">
            <p className="govgr-panel__title">{t('devices.ready')}</p>
          </div>
        </>
      )}
      <h2 className="govgr-heading-m">{t('devices.refusedTitle')}</h2>
      <ul className="govgr-list govgr-list--bullet">
        <li>{t('devices.refused1')}</li>
        <li>{t('devices.refused2')}</li>
        <li>{t('devices.refused3')}</li>
      </ul>
    </div>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';

/** Who someone is in a call (the ticket says so; only the EMPLOYEE records the identity check and ends the call). */
export type CallRole = 'APPLICANT' | 'THIRD_PARTY' | 'INTERPRETER' | 'EMPLOYEE';

/** Someone else in the call, as this browser sees them. */
export interface CallParticipant {
  id: string;
  role: CallRole;
  stream?: MediaStream;
  video: boolean;
  audio: boolean;
  connection: RTCPeerConnectionState;
}

/**
 * media: asking for the camera and microphone; joining: in touch with the room; in-call: in it (others may be on the
 * way); ended: the employee completed it or its time is up; refused: the room would not take the ticket; lost: the
 * connection to the room broke.
 */
/** The room's close code for a connection whose person entered again in another tab or device. */
const REPLACED = 4408;

export type CallState = 'media' | 'media-failed' | 'joining' | 'in-call' | 'ended' | 'refused' | 'lost';

/** Why the browser gave no camera or microphone: refused by the person or the browser, none there, or busy. */
export type MediaProblem = 'denied' | 'missing' | 'busy' | 'failed';

export interface Call {
  state: CallState;
  local?: MediaStream;
  participants: CallParticipant[];
  identityChecked: boolean;
  soundOnly: boolean;
  muted: boolean;
  mediaProblem?: MediaProblem;
  reason?: string;
  setSoundOnly(on: boolean): Promise<void>;
  setMuted(muted: boolean): void;
  leave(): void;
  /** The employee: the identity check is recorded; the others may now go on with sound only (seed 004 Art.3§2). */
  announceIdentityChecked(): void;
  /** The employee: the call is over for everyone. */
  end(): void;
}

type Signal = { description?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit };

export function mediaProblem(failure: unknown): MediaProblem {
  const name = failure instanceof DOMException ? failure.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'failed';
}

/**
 * One person's side of a video call: their camera and microphone, the room's signalling over a WebSocket (the ticket
 * its first message), and a peer connection to each other participant — media go browser to browser, or through the
 * TURN server, never through the platform (seed 004 Art.7§4). Whoever comes in calls those already there, so that two
 * never call each other at once. `ticket` is asked for only when the room is entered (tickets last two minutes).
 */
export function useCall(room: string | undefined, ticket: () => Promise<string>): Call {
  const [state, setState] = useState<CallState>('media');
  const [local, setLocal] = useState<MediaStream>();
  const [participants, setParticipants] = useState<CallParticipant[]>([]);
  const [identityChecked, setIdentityChecked] = useState(false);
  const [soundOnly, setSoundOnlyState] = useState(false);
  const [muted, setMutedState] = useState(false);
  const [problem, setProblem] = useState<MediaProblem>();
  const [reason, setReason] = useState<string>();
  const socket = useRef<WebSocket | undefined>(undefined);
  const peers = useRef(new Map<string, { pc: RTCPeerConnection; pending: RTCIceCandidateInit[]; video: RTCRtpSender }>());
  const mediaState = useRef({ video: true, audio: true });
  const people = useRef(new Map<string, CallParticipant>());
  const stream = useRef<MediaStream | undefined>(undefined);
  const ice = useRef<RTCIceServer[]>([]);
  const ticketRef = useRef(ticket);
  ticketRef.current = ticket;

  const publish = () => setParticipants([...people.current.values()]);
  const update = (id: string, change: Partial<CallParticipant>) => {
    const current = people.current.get(id);
    if (current) people.current.set(id, { ...current, ...change });
    publish();
  };
  const send = (message: object) => {
    if (socket.current?.readyState === WebSocket.OPEN) socket.current.send(JSON.stringify(message));
  };

  const stopAll = useCallback(() => {
    peers.current.forEach(({ pc }) => pc.close());
    peers.current.clear();
    stream.current?.getTracks().forEach((track) => track.stop());
  }, []);

  useEffect(() => {
    if (!room) return undefined;
    let gone = false;
    let keepAlive: number | undefined;

    const peer = (id: string) => {
      const known = peers.current.get(id);
      if (known) return known;
      const pc = new RTCPeerConnection({ iceServers: ice.current });
      const media = stream.current!;
      media.getAudioTracks().forEach((track) => pc.addTrack(track, media));
      // a video sender even while sound only, so that the camera comes back without a new negotiation
      const [camera] = media.getVideoTracks();
      const video = camera ? pc.addTrack(camera, media) : pc.addTransceiver('video', { direction: 'sendrecv', streams: [media] }).sender;
      const entry = { pc, pending: [] as RTCIceCandidateInit[], video };
      peers.current.set(id, entry);
      pc.onicecandidate = (event) => {
        if (event.candidate) send({ type: 'signal', to: id, data: { candidate: event.candidate.toJSON() } });
      };
      pc.ontrack = (event) => update(id, { stream: event.streams[0] ?? new MediaStream([event.track]) });
      pc.onconnectionstatechange = () => {
        update(id, { connection: pc.connectionState });
        if (pc.connectionState === 'failed') send({ type: 'connection-failed' });
      };
      return entry;
    };

    const signalled = async (from: string, data: Signal) => {
      const { pc, pending } = peer(from);
      if (data.description) {
        await pc.setRemoteDescription(data.description);
        for (const candidate of pending.splice(0)) await pc.addIceCandidate(candidate);
        if (data.description.type === 'offer') {
          await pc.setLocalDescription(await pc.createAnswer());
          send({ type: 'signal', to: from, data: { description: pc.localDescription!.toJSON() } });
        }
      } else if (data.candidate) {
        if (pc.remoteDescription) await pc.addIceCandidate(data.candidate);
        else pending.push(data.candidate);
      }
    };

    const call = async (id: string) => {
      const { pc } = peer(id);
      await pc.setLocalDescription(await pc.createOffer());
      send({ type: 'signal', to: id, data: { description: pc.localDescription!.toJSON() } });
    };

    const arrive = (id: string, role: CallRole) => {
      people.current.set(id, { id, role, video: true, audio: true, connection: 'new' });
      publish();
    };

    const start = async () => {
      setState('media');
      try {
        stream.current = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
      } catch (failure) {
        if (!gone) {
          setProblem(mediaProblem(failure));
          setState('media-failed');
        }
        return;
      }
      if (gone) {
        stream.current.getTracks().forEach((track) => track.stop());
        return;
      }
      setLocal(stream.current);
      setState('joining');
      let signed: string;
      try {
        signed = await ticketRef.current();
      } catch {
        if (!gone) setState('refused');
        return;
      }
      if (gone) return;
      const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
      const ws = new WebSocket(`${scheme}://${window.location.host}/api/calls/rooms/${encodeURIComponent(room)}`);
      socket.current = ws;
      ws.onopen = () => {
        ws.send(JSON.stringify({ type: 'join', ticket: signed }));
        // a quiet call must not look idle to the proxies between here and the room
        keepAlive = window.setInterval(() => send({ type: 'ping' }), 20_000);
      };
      ws.onmessage = (event) => {
        const message = JSON.parse(event.data as string);
        switch (message.type) {
          case 'welcome':
            ice.current = message.iceServers ?? [];
            setIdentityChecked(Boolean(message.identityChecked));
            setState('in-call');
            for (const p of message.participants as { id: string; role: CallRole }[]) {
              arrive(p.id, p.role);
              void call(p.id);
            }
            break;
          case 'joined':
            arrive(message.participant.id, message.participant.role);
            if (!mediaState.current.video || !mediaState.current.audio) send({ type: 'media', ...mediaState.current });
            break;
          case 'signal':
            void signalled(message.from, message.data);
            break;
          case 'media':
            update(message.from, { video: message.video !== false, audio: message.audio !== false });
            break;
          case 'left':
            peers.current.get(message.id)?.pc.close();
            peers.current.delete(message.id);
            people.current.delete(message.id);
            publish();
            break;
          case 'identity-checked':
            setIdentityChecked(true);
            break;
          case 'ended':
            setReason(message.reason);
            setState('ended');
            stopAll();
            break;
          case 'refused':
            setReason(message.reason);
            setState(message.reason === 'ended' ? 'ended' : 'refused');
            stopAll();
            break;
          default:
        }
      };
      ws.onclose = (event) => {
        window.clearInterval(keepAlive);
        if (gone) return;
        if (event.code === REPLACED) { // the same person entered again elsewhere: this page lets go
          setReason('replaced');
          setState('ended');
          stopAll();
          return;
        }
        setState((now) => (now === 'ended' || now === 'refused' ? now : 'lost'));
      };
    };
    void start();
    return () => {
      gone = true;
      window.clearInterval(keepAlive);
      socket.current?.close(1000, 'left');
      stopAll();
      people.current.clear();
    };
  }, [room, stopAll]);

  const setSoundOnly = useCallback(async (on: boolean) => {
    const current = stream.current;
    if (!current) return;
    if (on) {
      // the camera is switched off, not just hidden: nothing of it is captured or sent
      current.getVideoTracks().forEach((track) => { track.stop(); current.removeTrack(track); });
      await Promise.all([...peers.current.values()].map(({ video }) => video.replaceTrack(null)));
    } else {
      const [camera] = (await navigator.mediaDevices.getUserMedia({ video: true })).getVideoTracks();
      current.addTrack(camera);
      await Promise.all([...peers.current.values()].map(({ video }) => video.replaceTrack(camera)));
    }
    setLocal(new MediaStream(current.getTracks()));
    setSoundOnlyState(on);
    mediaState.current = { ...mediaState.current, video: !on };
    send({ type: 'media', ...mediaState.current });
  }, []);

  const setMuted = useCallback((on: boolean) => {
    stream.current?.getAudioTracks().forEach((track) => { track.enabled = !on; });
    setMutedState(on);
    mediaState.current = { ...mediaState.current, audio: !on };
    send({ type: 'media', ...mediaState.current });
  }, []);

  const leave = useCallback(() => {
    socket.current?.close(1000, 'left');
    stopAll();
    setState('ended');
    setReason('left');
  }, [stopAll]);

  return {
    state, local, participants, identityChecked, soundOnly, muted, mediaProblem: problem, reason,
    setSoundOnly, setMuted, leave,
    announceIdentityChecked: () => { setIdentityChecked(true); send({ type: 'identity-checked' }); },
    end: () => send({ type: 'end' }),
  };
}

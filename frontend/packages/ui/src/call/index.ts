// The video call's room, for the pages that hold a call (loaded with them only, not with every page of the front end).
export { CallRoom } from './CallRoom';
export { mediaProblem, useCall, type Call, type CallParticipant, type CallRole, type CallState, type MediaProblem } from './useCall';

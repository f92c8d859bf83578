// The API as the front ends call it (same origin, the gateway's session cookie, the page's language) and the shapes
// it answers with, generated from its OpenAPI document.
export { actFor, api, Problem, problemText, type StrandedAppointment } from './client';
export type * from './types';

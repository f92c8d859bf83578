import '@digigov/css/dist/digigov.css';
import '@fontsource/roboto/greek-400.css';
import '@fontsource/roboto/greek-700.css';
import '@fontsource/roboto/latin-400.css';
import '@fontsource/roboto/latin-700.css';
import '@mydimos/ui/src/ui.css';
import './i18n';
import { SessionProvider } from '@mydimos/ui';
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { Allowed, App, Home, type Screen } from './App';
import { AgendaPage } from './agenda/AgendaPage';
import { BookForCaller } from './callers/BookForCaller';
import { CallerDesk } from './callers/CallerDesk';
import { CallerPage } from './callers/CallerPage';
import { RescheduleForCaller } from './callers/RescheduleForCaller';
import { NotAllowed, ScreenFailed } from './NotAllowed';
import { CivilActPage, CivilActs, NewCivilAct } from './registry/CivilActs';
import { CounterCertificates } from './registry/CounterCertificates';
import { FamilyRecordPage, FamilyRecords, NewFamilyRecord } from './registry/FamilyRecords';

/**
 * An administrator's screen, loaded when first visited: a clerk's first load carries the desk only (small bundles).
 */
function screen(path: string, name: Screen, load: () => Promise<ComponentType>) {
  return {
    path,
    lazy: async () => {
      const Page = await load();
      return { Component: () => <Allowed screen={name}><Page /></Allowed> };
    },
    errorElement: <ScreenFailed />,
  };
}

// The back office lives under /office/ at the gateway, beside the citizen portal and the API.
const router = createBrowserRouter([
  {
    element: <App />,
    children: [
      { index: true, element: <Home><AgendaPage /></Home> },
      {
        path: 'callers', element: <Allowed screen="callers"><CallerDesk /></Allowed>,
        children: [
          { index: true, element: <CallerPage /> },
          { path: 'book', element: <BookForCaller /> },
          { path: 'bookings/:reference/reschedule', element: <RescheduleForCaller /> },
        ],
      },
      { path: 'registry/civil-acts', element: <Allowed screen="civilActs"><CivilActs /></Allowed> },
      { path: 'registry/civil-acts/new', element: <Allowed screen="civilActs"><NewCivilAct /></Allowed> },
      { path: 'registry/civil-acts/:id', element: <Allowed screen="civilActs"><CivilActPage /></Allowed> },
      { path: 'registry/family-records', element: <Allowed screen="familyRecords"><FamilyRecords /></Allowed> },
      { path: 'registry/family-records/new', element: <Allowed screen="familyRecords"><NewFamilyRecord /></Allowed> },
      { path: 'registry/family-records/:id', element: <Allowed screen="familyRecords"><FamilyRecordPage /></Allowed> },
      { path: 'registry/certificates', element: <Allowed screen="certificates"><CounterCertificates /></Allowed> },
      screen('statistics', 'statistics', async () => (await import('./statistics/StatisticsPage')).StatisticsPage),
      screen('municipalities', 'municipalities', async () => (await import('./municipalities/Municipalities')).Municipalities),
      screen('municipalities/requests/:id', 'municipalities', async () => (await import('./municipalities/Municipalities')).OnboardingDecision),
      screen('municipalities/:code/suspend', 'municipalities', async () => (await import('./municipalities/Municipalities')).SuspendMunicipality),
      screen('reads', 'reads', async () => (await import('./reads/ReadsPage')).ReadsPage),
      screen('national-closures', 'nationalClosures', async () => (await import('./calendar/NationalClosuresPage')).NationalClosuresPage),
      screen('municipality', 'details', async () => (await import('./municipalities/MunicipalityDetails')).MunicipalityDetails),
      screen('closures', 'closures', async () => (await import('./closures/ClosuresPage')).ClosuresPage),
      screen('services', 'services', async () => (await import('./catalogue/ServicesPage')).ServicesPage),
      screen('services/:id', 'services', async () => (await import('./catalogue/ServicesPage')).ServiceEditor),
      screen('staff', 'staff', async () => (await import('./staff/StaffPage')).StaffPage),
      screen('calls/:reference', 'agenda', async () => (await import('./calls/OfficeCall')).OfficeCall),
      screen('schedules', 'schedules', async () => (await import('./schedules/SchedulesPage')).SchedulesPage),
      { path: '*', element: <NotAllowed missing /> },
    ],
  },
], { basename: '/office' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider realm="employees">
      <RouterProvider router={router} />
    </SessionProvider>
  </StrictMode>,
);

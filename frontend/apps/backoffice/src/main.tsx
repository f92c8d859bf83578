import '@digigov/css/dist/digigov.css';
import '@fontsource/roboto/greek-400.css';
import '@fontsource/roboto/greek-700.css';
import '@fontsource/roboto/latin-400.css';
import '@fontsource/roboto/latin-700.css';
import '@mydimos/ui/src/ui.css';
import './i18n';
import { SessionProvider } from '@mydimos/ui';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { Allowed, App, Home } from './App';
import { AgendaPage } from './agenda/AgendaPage';
import { BookForCaller } from './callers/BookForCaller';
import { CallerDesk } from './callers/CallerDesk';
import { CallerPage } from './callers/CallerPage';
import { ClosuresPage } from './closures/ClosuresPage';
import { RescheduleForCaller } from './callers/RescheduleForCaller';
import { Municipalities, OnboardingDecision, SuspendMunicipality } from './municipalities/Municipalities';
import { MunicipalityDetails } from './municipalities/MunicipalityDetails';
import { NotAllowed } from './NotAllowed';
import { ReadsPage } from './reads/ReadsPage';
import { SchedulesPage } from './schedules/SchedulesPage';
import { StaffPage } from './staff/StaffPage';
import { StatisticsPage } from './statistics/StatisticsPage';
import { CivilActPage, CivilActs, NewCivilAct } from './registry/CivilActs';
import { CounterCertificates } from './registry/CounterCertificates';
import { FamilyRecordPage, FamilyRecords, NewFamilyRecord } from './registry/FamilyRecords';

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
      { path: 'statistics', element: <Allowed screen="statistics"><StatisticsPage /></Allowed> },
      { path: 'municipalities', element: <Allowed screen="municipalities"><Municipalities /></Allowed> },
      { path: 'municipalities/requests/:id', element: <Allowed screen="municipalities"><OnboardingDecision /></Allowed> },
      { path: 'municipalities/:code/suspend', element: <Allowed screen="municipalities"><SuspendMunicipality /></Allowed> },
      { path: 'reads', element: <Allowed screen="reads"><ReadsPage /></Allowed> },
      { path: 'municipality', element: <Allowed screen="details"><MunicipalityDetails /></Allowed> },
      { path: 'closures', element: <Allowed screen="closures"><ClosuresPage /></Allowed> },
      { path: 'staff', element: <Allowed screen="staff"><StaffPage /></Allowed> },
      { path: 'schedules', element: <Allowed screen="schedules"><SchedulesPage /></Allowed> },
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

import '@digigov/css/dist/digigov.css';
import '@fontsource/roboto/greek-400.css';
import '@fontsource/roboto/greek-700.css';
import '@fontsource/roboto/latin-400.css';
import '@fontsource/roboto/latin-700.css';
import '@mydimos/ui/src/ui.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { App } from './App';
import { Home } from './pages/Home';
import { MunicipalityPage } from './pages/MunicipalityPage';
import { NotFound } from './pages/NotFound';
import { BookPage } from './booking/BookPage';
import { BookingPage } from './booking/BookingPage';
import { MyBookings } from './booking/MyBookings';
import { ReschedulePage } from './booking/ReschedulePage';
import { Certificates } from './certificates/Certificates';
import { VerifyPage } from './certificates/VerifyPage';
import { SessionProvider } from '@mydimos/ui';

const router = createBrowserRouter([
  {
    element: <App />,
    errorElement: <NotFound broken />,
    children: [
      { index: true, element: <Home /> },
      // the manual's text (both languages) is fetched only by those who open it
      { path: 'guide', lazy: async () => ({ Component: (await import('./pages/GuidePage')).GuidePage }) },
      { path: 'municipalities/:code', element: <MunicipalityPage /> },
      { path: 'municipalities/:code/services/:serviceId/book', element: <BookPage /> },
      { path: 'bookings', element: <MyBookings /> },
      { path: 'bookings/:reference', element: <BookingPage /> },
      { path: 'bookings/:reference/reschedule', element: <ReschedulePage /> },
      { path: 'certificates', element: <Certificates /> },
      { path: 'certificates/verify/:code', element: <VerifyPage /> },
      // the video call and the device check load only for those who open them
      { path: 'call/:link', lazy: async () => ({ Component: (await import('./call/CallPage')).CallPage }) },
      { path: 'device-check', lazy: async () => ({ Component: (await import('./call/DeviceCheck')).DeviceCheck }) },
      { path: '*', element: <NotFound /> },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider realm="citizens">
      <RouterProvider router={router} />
    </SessionProvider>
  </StrictMode>,
);

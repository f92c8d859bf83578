// The few components the front ends need, over the gov.gr design system's CSS (@digigov/css), with the markup of its
// example pages. Its React packages are not published where this project may fetch from.
export { Layout } from './Layout';
export { ErrorSummary, type FieldError } from './ErrorSummary';
export { TextField } from './TextField';
export { Button } from './Button';
export { Radios, type RadioOption } from './Radios';
export { Checkbox } from './Checkbox';
export { Select, type SelectProps } from './Select';
export { SummaryRow } from './SummaryRow';
export { startLanguages, type Language } from './languages';
export { addDays, athensDateTime, athensDay, athensMidnight, athensToday, formatDate, formatDateTime, formatDay, formatTime } from './time';
export { usePageTitle } from './title';
export { SessionProvider, useSession, useSignInHref, useSignOutAction, type Realm } from './session';
export { SlotPicker, type SlotPickerProps } from './SlotPicker';
export { useFocusMainOnNewPage } from './focus';

import { startLanguages } from '@mydimos/ui';
import el from './locales/el.json';
import en from './locales/en.json';

export type { Language } from '@mydimos/ui';
export default startLanguages(el, en);

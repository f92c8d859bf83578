import { useTranslation } from 'react-i18next';
import { signInHref } from './session';

/** A page that is the signed-in person's own, asked for without a session: what it is, and the way to sign in. */
export function SignInFirst({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <div className="govgr-grid-column-two-thirds">
      <h1 className="govgr-heading-xl">{title}</h1>
      <p className="govgr-body">{text}</p>
      <a className="govgr-btn govgr-btn-primary" href={signInHref()}>{t('book.signIn')}</a>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useSignInHref } from '@mydimos/ui';

/** A page that is the signed-in person's own, asked for without a session: what it is, and the way to sign in. */
export function SignInFirst({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation();
  const signIn = useSignInHref();
  return (
    <div className="govgr-grid-column-two-thirds">
      <h1 className="govgr-heading-xl">{title}</h1>
      <p className="govgr-body">{text}</p>
      <a className="govgr-btn govgr-btn-primary" href={signIn}>{t('book.signIn')}</a>
    </div>
  );
}

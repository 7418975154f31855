import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionState } from '../../app/session';
import { Field } from '../../ui/Field';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { problemText } from '../../ui/Notice';
import { PageHeader } from '../../ui/PageHeader';

export function LoginPage() {
  const { t } = useTranslation();
  const { signIn, sessionEnded } = useSessionState();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitting(true);
    setError(null);
    try {
      await signIn({ email, password });
    } catch (failure) {
      setError(problemText(failure, t('errors.network')));
      setSubmitting(false);
    }
  }

  return (
    <div className="login">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <main id="main" className="login-card">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            A
          </span>
          <span>
            <strong>{t('app.name')}</strong>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </span>
        </div>
        <PageHeader title={t('login.title')} intro={t('login.intro')} />
        {sessionEnded && !error && (
          <div className="notice notice-info" role="status">
            {t('login.sessionEnded')}
          </div>
        )}
        {error && (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        )}
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Field label={t('login.email')} required>
            <input
              type="email"
              name="email"
              autoComplete="username"
              autoFocus
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          </Field>
          <Field label={t('login.password')} required>
            <input
              type="password"
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          </Field>
          <button type="submit" className="button-primary" disabled={submitting}>
            {submitting ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}

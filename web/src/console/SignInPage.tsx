/**
 * Sign-in. Local mode (`/config.json` says `local`): pick a demo user, the local token issuer signs a token. Cognito
 * mode: to the hosted UI. The page knows nothing else of either.
 */
import { Alert, Button, Card, Form, Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { beginCognitoSignIn } from '../auth/cognito.ts';
import { type ConsoleConfig, loadConfig } from '../auth/config.ts';
import { type SessionUser, startSession, useSession } from '../auth/session.ts';
import { LanguageSwitch } from '../common/LanguageSwitch.tsx';
import { useT } from '../i18n/i18n.tsx';

interface DemoUser extends SessionUser {
  readonly unitName: string;
}

const safeNext = (next: string | null): string => (next?.startsWith('/console') ? next : '/console');

const SignInPage = () => {
  const t = useT();
  const session = useSession();
  const [search] = useSearchParams();
  const next = safeNext(search.get('next'));
  const [config, setConfig] = useState<ConsoleConfig>();
  const [users, setUsers] = useState<DemoUser[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    loadConfig()
      .then(async (loaded) => {
        setConfig(loaded);
        if (loaded.auth.mode === 'local') {
          const response = await fetch('/local/users');
          setUsers(((await response.json()) as { users: DemoUser[] }).users);
        }
      })
      .catch((cause: unknown) => setError(String(cause)));
  }, []);

  if (session) return <Navigate to={next} replace />;

  const signInLocally = async ({ username }: { username: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const response = await fetch('/local/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username }),
      });
      const body = (await response.json()) as SessionUser & { token: string; expiresAt: string; detail?: string };
      if (!response.ok) throw new Error(body.detail ?? String(response.status));
      const { token, expiresAt, displayName, roles, unitId } = body;
      startSession({ token, expiresAt, user: { username: body.username, displayName, roles, unitId } });
    } catch (cause) {
      setError(`${t('signIn.failed')}：${cause instanceof Error ? cause.message : String(cause)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="gl-narrow" style={{ maxWidth: 480 }}>
      <div style={{ textAlign: 'right' }}>
        <LanguageSwitch />
      </div>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('app.name')} · {t('signIn.title')}
        </Typography.Title>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} />}
        {!config && !error && <Spin />}
        {config?.auth.mode === 'local' && (
          <Form layout="vertical" onFinish={signInLocally} requiredMark={false}>
            <Typography.Paragraph type="secondary">{t('signIn.localHint')}</Typography.Paragraph>
            <Form.Item name="username" label={t('signIn.user')} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                autoFocus
                options={users.map((user) => ({
                  value: user.username,
                  label: `${user.displayName} · ${user.unitName}（${user.username}）`,
                }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('signIn.submit')}
            </Button>
          </Form>
        )}
        {config?.auth.mode === 'cognito' && (
          <Button
            type="primary"
            block
            onClick={() => config.auth.mode === 'cognito' && void beginCognitoSignIn(config.auth, next)}
          >
            {t('signIn.cognito')}
          </Button>
        )}
      </Card>
    </main>
  );
};

export default SignInPage;

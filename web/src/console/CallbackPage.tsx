/** Where Cognito's hosted UI returns: exchange the code, start the session, go on. */
import { Alert, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { completeCognitoSignIn } from '../auth/cognito.ts';
import { loadConfig } from '../auth/config.ts';
import { startSession } from '../auth/session.ts';

const CallbackPage = () => {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  useEffect(() => {
    loadConfig()
      .then(async (config) => {
        if (config.auth.mode !== 'cognito') throw new Error('本环境不使用统一身份认证');
        const { session, returnTo } = await completeCognitoSignIn(config.auth, search);
        startSession(session);
        navigate(returnTo.startsWith('/console') ? returnTo : '/console', { replace: true });
      })
      .catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)));
  }, [navigate, search]);
  return <main className="gl-narrow">{error ? <Alert type="error" title={error} /> : <Spin />}</main>;
};

export default CallbackPage;

/**
 * The one value that tells the console how officials sign in, read from `/config.json` (served by `npm start` in
 * local mode; written beside the pages by the CDK app in AWS).
 */
export type AuthConfig =
  | { readonly mode: 'local' }
  | {
      readonly mode: 'cognito';
      /** The hosted UI's domain, e.g. https://greenline.auth.ap-east-1.amazoncognito.com */
      readonly domain: string;
      readonly clientId: string;
    };

export interface ConsoleConfig {
  readonly auth: AuthConfig;
}

let loading: Promise<ConsoleConfig> | undefined;

export const loadConfig = (): Promise<ConsoleConfig> => {
  loading ??= fetch('/config.json', { cache: 'no-store' }).then(async (response) => {
    if (!response.ok) throw new Error(`/config.json: ${response.status}`);
    return (await response.json()) as ConsoleConfig;
  });
  return loading;
};

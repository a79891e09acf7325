/**
 * The CDK app (`cdk.json`: `node infra/app.ts`). Context:
 * - `greenline:stage` (required): `dev`, `prod` …
 * - `greenline:mailFrom` (required): sender of notices, e.g. `noreply@greenline.example.cn`
 * - `greenline:publicBaseUrl` (optional): base URL of the pages emails link to, when a bureau domain fronts the
 *   console; defaults to the console's distribution
 * - `greenline:alarmEmail` (optional): subscribed to the alarm topic
 *
 * cdk-nag's AwsSolutions pack validates the synthesized app; a finding that is not acknowledged, with a reason, next to
 * the construct that causes it fails the synth.
 */
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { GreenlineStack } from './stack.ts';

const app = new App();

const optionalContext = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context ${key} must be a string`);
  return value;
};
const requiredContext = (key: string): string => {
  const value = optionalContext(key);
  if (value === undefined) throw new Error(`Context ${key} is required (cdk.json or -c ${key}=…)`);
  return value;
};

const stage = requiredContext('greenline:stage');
new GreenlineStack(app, 'Greenline', {
  stackName: `greenline-${stage}`,
  description: `Greenline case handling (${stage})`,
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
  stage,
  mailFrom: requiredContext('greenline:mailFrom'),
  publicBaseUrl: optionalContext('greenline:publicBaseUrl'),
  alarmEmail: optionalContext('greenline:alarmEmail'),
});
Tags.of(app).add('project', 'greenline');
Tags.of(app).add('stage', stage);

Validations.of(app).addPlugins(new AwsSolutionsChecks(app));

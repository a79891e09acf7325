import { requireRole } from '#directory/domain/roles.ts';
import { now } from '#platform/clock.ts';
import type { Principal } from '#platform/domain/principal.ts';
import { parseWith } from '#platform/domain/validation.ts';
import { defaultSurveySettings, type SurveySettings, surveySettingsSchema } from '#surveys/domain/survey.ts';
import { readSettings, writeSettings } from '#surveys/store/surveys.ts';

/** How long a process reuses the settings it read: a change shows everywhere within a minute. */
const cacheMs = 60_000;
let cached: { readonly at: number; readonly settings: SurveySettings } | undefined;

/** The settings in force: the stored ones, or the defaults until an administrator saves some. */
export const loadSurveySettings = async (): Promise<SurveySettings> => {
  if (cached && Date.now() - cached.at < cacheMs) return cached.settings;
  const settings = { ...defaultSurveySettings, ...(await readSettings()) };
  cached = { at: Date.now(), settings };
  return settings;
};

export const readSurveySettings = async (principal: Principal): Promise<SurveySettings> => {
  requireRole(principal, ['admin', 'supervisor', 'dispatcher'], '只有管理员、督办人员和信访办可以查看回访设置');
  return loadSurveySettings();
};

/** Saves new settings; surveys created from now on use them (a survey keeps the deadline it was given). */
export const updateSurveySettings = async (body: unknown, principal: Principal): Promise<SurveySettings> => {
  requireRole(principal, ['admin'], '只有管理员可以修改回访设置');
  const settings = parseWith(surveySettingsSchema, body);
  await writeSettings(settings, principal.username, now().toISOString());
  cached = { at: Date.now(), settings };
  return settings;
};

/**
 * The interface language: Simplified Chinese first, English switchable (kept in localStorage). `useT()` gives the
 * dictionary lookup; antd and dayjs follow the same choice. The API's own messages (problem+json) stay Chinese.
 */
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en } from './en.ts';
import { type MessageKey, zh } from './zh.ts';

export type Language = 'zh' | 'en';

const storageKey = 'greenline.language';
const dictionaries: Record<Language, Record<MessageKey, string>> = { zh, en };

interface I18n {
  readonly language: Language;
  readonly setLanguage: (language: Language) => void;
  /** The message of `key`, with `{name}` placeholders filled from `values`. */
  readonly t: (key: MessageKey, values?: Record<string, string | number>) => string;
}

const I18nContext = createContext<I18n | null>(null);

const initialLanguage = (): Language => (localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh');

/** Noto Sans SC (bundled) after the system's CJK fonts: pages look right on machines without any. */
const fontFamily =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans SC', 'Noto Sans CJK SC', sans-serif";

/**
 * The bureau's green, and secondary and placeholder greys darker than antd's defaults so that every text meets
 * WCAG AA contrast (4.5:1) on white — axe checks it on every page.
 */
const theme = {
  colorPrimary: '#16803c',
  // antd's derived hover green (#2e8c4e) leaves white text of a hovered primary button below 4.5:1.
  colorPrimaryHover: '#11692f',
  // Links in the bureau's green (antd's default link blue is below 4.5:1 on white).
  colorLink: '#16803c',
  // The console's red (late tags, holidays): antd's default (#ff4d4f) leaves a field's error message at 3.3:1.
  colorError: '#c62828',
  fontFamily,
  borderRadius: 6,
  colorTextSecondary: '#595959',
  colorTextTertiary: '#595959',
  colorTextDescription: '#595959',
  colorTextPlaceholder: '#6b6b6b',
};

export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(storageKey, next);
    setLanguageState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  }, [language]);
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, values) =>
        dictionaries[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? `{${name}}`)),
    }),
    [language, setLanguage],
  );
  dayjs.locale(language === 'zh' ? 'zh-cn' : 'en');
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={language === 'zh' ? zhCN : enUS} theme={{ token: theme }}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
};

export const useI18n = (): I18n => {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
};

export const useT = (): I18n['t'] => useI18n().t;

/**
 * A page's own messages, kept beside the page (so pages split into chunks carry their own text, and pages do not
 * share one growing file): `const messages = defineMessages({ zh: {...}, en: {...} })`, English with the same keys.
 */
export const defineMessages = <Keys extends string>(messages: {
  readonly zh: Readonly<Record<Keys, string>>;
  readonly en: Readonly<Record<NoInfer<Keys>, string>>;
}) => messages;

/** The lookup for a page's own messages (see {@link defineMessages}), in the current language. */
export const useMessages = <Keys extends string>(messages: {
  readonly zh: Readonly<Record<Keys, string>>;
  readonly en: Readonly<Record<Keys, string>>;
}): ((key: Keys, values?: Record<string, string | number>) => string) => {
  const { language } = useI18n();
  return (key, values) =>
    messages[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? `{${name}}`));
};

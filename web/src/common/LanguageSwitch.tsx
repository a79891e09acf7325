import { Button } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

export const LanguageSwitch = () => {
  const { language, setLanguage, t } = useI18n();
  return (
    <Button
      type="text"
      title={t('app.languageLabel')}
      lang={language === 'zh' ? 'en' : 'zh-CN'}
      onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
      style={{ color: 'inherit' }}
    >
      {t('app.language')}
    </Button>
  );
};

/** A button for exactly the actions the API allows the caller now (`allowedActions`), each opening its form. */
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Case } from '../../../api/schema.gen.ts';
import { type ActionName, actionLabels } from '../../../common/labels.ts';
import { Section } from '../../../common/Section.tsx';
import { useI18n, useMessages } from '../../../i18n/i18n.tsx';
import { ActionModal } from './ActionModal.tsx';
import type { Directory } from './directory.ts';
import { caseMessages } from './messages.ts';

export const CaseActions = ({
  kase,
  directory,
  now,
  onChanged,
}: {
  kase: Case;
  directory: Directory;
  /** The system's time, for the forms' dates. */
  now: number;
  onChanged: () => void;
}) => {
  const t = useMessages(caseMessages);
  const { language } = useI18n();
  const [open, setOpen] = useState<ActionName>();
  const allowed = kase.allowedActions ?? [];
  return (
    <Section title={t('sectionActions')}>
      {allowed.length === 0 ? (
        <Typography.Text data-testid="no-actions">{t('noActions')}</Typography.Text>
      ) : (
        <Space wrap data-testid="case-actions">
          {allowed.map((action, index) => (
            <Button key={action} type={index === 0 ? 'primary' : 'default'} onClick={() => setOpen(action)}>
              {actionLabels[action][language]}
            </Button>
          ))}
        </Space>
      )}
      {open && (
        <ActionModal
          key={`${open}-${kase.version}`}
          kase={kase}
          action={open}
          directory={directory}
          now={now}
          onClose={() => setOpen(undefined)}
          onChanged={onChanged}
        />
      )}
    </Section>
  );
};

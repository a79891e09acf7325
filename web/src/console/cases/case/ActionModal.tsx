/**
 * One workflow action as a modal form: its inputs (actionFields.ts), sent with the version of the case read on the
 * page. Field errors from the API go under their fields, other problems above the form; a stale version (409) is
 * reported and the case reloaded.
 */
import { Alert, App, AutoComplete, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { isProblem, problemText, showFieldErrors } from '../../../api/problems.ts';
import type { Case } from '../../../api/schema.gen.ts';
import { type ActionName, actionLabels } from '../../../common/labels.ts';
import { useI18n, useMessages } from '../../../i18n/i18n.tsx';
import { AssignFields } from './AssignFields.tsx';
import { type ActionBody, type ActionField, actionFields, optionalFields, returnReasonCodes } from './actionFields.ts';
import type { Directory } from './directory.ts';
import { type CaseMessageKey, caseMessages } from './messages.ts';

const reasonCodeLabels: Readonly<Record<(typeof returnReasonCodes)[number], CaseMessageKey>> = {
  'not-our-remit': 'reasonNotOurRemit',
  'insufficient-information': 'reasonInsufficient',
  'wrong-location': 'reasonWrongLocation',
  other: 'reasonOther',
};

const fieldLabels: Readonly<Record<ActionField, CaseMessageKey>> = {
  note: 'fieldNote',
  reason: 'fieldReason',
  masterCaseId: 'fieldMaster',
  departmentId: 'fieldDepartment',
  responsibleUsername: 'fieldResponsible',
  leadUsername: 'fieldLead',
  reasonCode: 'fieldReasonCode',
  result: 'fieldResult',
  publicReply: 'fieldPublicReply',
  days: 'fieldDays',
  substantiated: 'fieldSubstantiated',
};

const substantiationLabels: Readonly<Record<'yes' | 'partly' | 'no', CaseMessageKey>> = {
  yes: 'substantiatedYes',
  partly: 'substantiatedPartly',
  no: 'substantiatedNo',
};

interface Props {
  readonly kase: Case;
  readonly action: ActionName;
  readonly directory: Directory;
  readonly onClose: () => void;
  /** After success or a stale version: reload the case. */
  readonly onChanged: () => void;
}

export const ActionModal = ({ kase, action, directory, onClose, onChanged }: Props) => {
  const t = useMessages(caseMessages);
  const { language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; details: string[] }>();
  const label = actionLabels[action][language];
  const fields = actionFields[action];

  const submit = async () => {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const body = Object.fromEntries(
      Object.entries(values).filter(([, value]) => value !== undefined && value !== null && value !== ''),
    );
    setBusy(true);
    setProblem(undefined);
    try {
      const { error, response } = await api.POST('/v1/cases/{id}/actions/{action}', {
        params: { path: { id: kase.id, action } },
        body: { ...body, version: kase.version } as ActionBody,
      });
      if (!error) {
        message.success(t('done', { action: label }));
        onClose();
        onChanged();
        return;
      }
      const text = isProblem(error) ? problemText(error) : String(response.status);
      if (response.status === 409) {
        message.error(`${t('stale')}（${text}）`);
        onClose();
        onChanged();
        return;
      }
      const loose = isProblem(error) ? showFieldErrors(form, error, fields) : [];
      setProblem({ title: text, details: loose });
    } catch (cause) {
      setProblem({ title: cause instanceof Error ? cause.message : String(cause), details: [] });
    } finally {
      setBusy(false);
    }
  };

  const required = (field: ActionField) =>
    optionalFields.includes(field) ? [] : [{ required: true, message: t('required') }];
  const textField = (field: ActionField, rows: number, maxLength: number) => (
    <Form.Item key={field} name={field} label={t(fieldLabels[field])} rules={required(field)}>
      <Input.TextArea autoSize={{ minRows: rows, maxRows: 10 }} maxLength={maxLength} showCount />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={label}
      okText={t('submit')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form form={form} layout="vertical" requiredMark name={`action-${action}`} data-testid="action-form">
        {problem && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={`${t('failed')}：${problem.title}`}
            description={problem.details.length > 0 ? problem.details.join('；') : undefined}
          />
        )}
        {fields.includes('departmentId') && <AssignFields form={form} directory={directory} />}
        {fields.map((field) => {
          switch (field) {
            case 'departmentId':
            case 'responsibleUsername':
            case 'leadUsername':
              return null;
            case 'masterCaseId':
              return (
                <Form.Item
                  key={field}
                  name={field}
                  label={t('fieldMaster')}
                  rules={required(field)}
                  extra={t('fieldMasterHelp')}
                >
                  <AutoComplete
                    options={(kase.duplicateCandidates ?? []).map((candidate) => ({
                      value: candidate.caseId,
                      label: `${candidate.number}（${candidate.reasons.join('；')}）`,
                    }))}
                  />
                </Form.Item>
              );
            case 'substantiated':
              // Whether a complaint was substantiated: a substantiated one goes on the firm's record.
              return kase.kind === 'complaint' ? (
                <Form.Item key={field} name={field} label={t('fieldSubstantiated')} rules={required(field)}>
                  <Select
                    allowClear
                    options={(['yes', 'partly', 'no'] as const).map((value) => ({
                      value,
                      label: t(substantiationLabels[value]),
                    }))}
                  />
                </Form.Item>
              ) : null;
            case 'reasonCode':
              return (
                <Form.Item key={field} name={field} label={t('fieldReasonCode')} rules={required(field)}>
                  <Select
                    options={returnReasonCodes.map((code) => ({ value: code, label: t(reasonCodeLabels[code]) }))}
                  />
                </Form.Item>
              );
            case 'days':
              return (
                <Form.Item key={field} name={field} label={t('fieldDays')} rules={required(field)}>
                  <InputNumber min={1} max={365} precision={0} style={{ width: 160 }} />
                </Form.Item>
              );
            case 'result':
              return textField(field, 4, 5000);
            case 'publicReply':
              return textField(field, 3, 2000);
            case 'reason':
              return textField(field, 2, 1000);
            default:
              return (
                <Form.Item key={field} name={field} label={t(fieldLabels[field])} rules={required(field)}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={1000} />
                </Form.Item>
              );
          }
        })}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('formVersionNote', { version: kase.version })}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
};

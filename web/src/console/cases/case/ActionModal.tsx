/**
 * One workflow action as a modal form: its inputs (actionFields.ts), sent with the version of the case read on the
 * page. Dates are picked (sent as `YYYY-MM-DD`, none after the system's today), evidence files uploaded as they are
 * picked (sent as attachment references). Field errors from the API go under their fields, other problems above the
 * form; a stale version (409) is reported and the case reloaded.
 */
import {
  App,
  AutoComplete,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Typography,
  type UploadFile,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { isProblem, problemText, showFieldErrors } from '../../../api/problems.ts';
import type { Case, Problem } from '../../../api/schema.gen.ts';
import { stillUploading, uploadedAttachments } from '../../../common/AttachmentUpload.tsx';
import { FormProblemAlert } from '../../../common/FormProblem.tsx';
import { type ActionName, actionLabels } from '../../../common/labels.ts';
import { useI18n, useMessages } from '../../../i18n/i18n.tsx';
import {
  lookBackOutcomeLabels,
  lookBackOutcomes,
  strikeOffOutcomeLabels,
  strikeOffOutcomes,
} from '../../rectification/labels.ts';
import { AssignFields } from './AssignFields.tsx';
import { type ActionBody, type ActionField, actionFields, isOptional, returnReasonCodes } from './actionFields.ts';
import type { Directory } from './directory.ts';
import { EvidenceUpload } from './EvidenceUpload.tsx';
import { bureauDay } from './format.ts';
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
  evidence: 'fieldEvidence',
  date: 'fieldCheckDate',
  inspectors: 'fieldInspectors',
  findings: 'fieldFindings',
  passed: 'fieldPassed',
  startDate: 'fieldStartDate',
  where: 'fieldWhere',
  outcome: 'fieldStrikeOffOutcome',
  substantiated: 'fieldSubstantiated',
};

const substantiationLabels: Readonly<Record<'yes' | 'partly' | 'no', CaseMessageKey>> = {
  yes: 'substantiatedYes',
  partly: 'substantiatedPartly',
  no: 'substantiatedNo',
};

/** Where one action names a field otherwise than the others do. */
const actionFieldLabels: { readonly [A in ActionName]?: { readonly [F in ActionField]?: CaseMessageKey } } = {
  'apply-close-out': { result: 'fieldCloseOutResult' },
  'look-back': { date: 'fieldLookBackDate', outcome: 'fieldLookBackOutcome', findings: 'fieldLookBackFindings' },
};

/** The API's paths under a list field (`evidence.0.attachmentId`) are the list's: the form has one field for it. */
const underListFields = (problem: Problem): Problem => ({
  ...problem,
  ...(problem.errors
    ? { errors: problem.errors.map((error) => ({ ...error, path: error.path.replace(/^evidence\..*$/, 'evidence') })) }
    : {}),
});

interface Props {
  readonly kase: Case;
  readonly action: ActionName;
  readonly directory: Directory;
  /** The system's time (the local clock on one machine): today for dates, and the latest day one may pick. */
  readonly now: number;
  readonly onClose: () => void;
  /** After success or a stale version: reload the case. */
  readonly onChanged: () => void;
}

export const ActionModal = ({ kase, action, directory, now, onClose, onChanged }: Props) => {
  const t = useMessages(caseMessages);
  const { language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; details: string[] }>();
  const label = actionLabels[action][language];
  const fields = actionFields[action];
  const today = bureauDay(now);
  const labelOf = (field: ActionField) => t(actionFieldLabels[action]?.[field] ?? fieldLabels[field]);

  const submit = async () => {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (stillUploading(values.evidence as UploadFile[] | undefined)) {
      setProblem({ title: t('stillUploading'), details: [] });
      return;
    }
    const body = Object.fromEntries(
      Object.entries(values)
        .map(([name, value]): [string, unknown] => {
          if (dayjs.isDayjs(value)) return [name, value.format('YYYY-MM-DD')];
          if (name === 'evidence') return [name, uploadedAttachments(value as UploadFile[] | undefined)];
          return [name, value];
        })
        .filter(([, value]) => value !== undefined && value !== null && value !== ''),
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
      const loose = isProblem(error) ? showFieldErrors(form, underListFields(error), fields) : [];
      setProblem({ title: text, details: loose });
    } catch (cause) {
      setProblem({ title: cause instanceof Error ? cause.message : String(cause), details: [] });
    } finally {
      setBusy(false);
    }
  };

  const required = (field: ActionField) =>
    isOptional(action, field) ? [] : [{ required: true, message: t('required') }];
  const textField = (field: ActionField, rows: number, maxLength: number) => (
    <Form.Item key={field} name={field} label={labelOf(field)} rules={required(field)}>
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
      <Form
        form={form}
        layout="vertical"
        requiredMark
        name={`action-${action}`}
        data-testid="action-form"
        initialValues={initialValues(action, today)}
      >
        <FormProblemAlert failed={t('failed')} problem={problem} />
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
            case 'evidence':
              return (
                <Form.Item
                  key={field}
                  name={field}
                  label={labelOf(field)}
                  valuePropName="fileList"
                  extra={t('fieldEvidenceHelp')}
                  rules={[
                    {
                      validator: (_, files: UploadFile[] | undefined) =>
                        uploadedAttachments(files).length > 0 || stillUploading(files)
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('evidenceRequired'))),
                    },
                  ]}
                >
                  <EvidenceUpload />
                </Form.Item>
              );
            case 'date':
            case 'startDate':
              return (
                <Form.Item
                  key={field}
                  name={field}
                  label={labelOf(field)}
                  rules={required(field)}
                  extra={
                    field === 'startDate'
                      ? t('fieldStartDateHelp')
                      : action === 'look-back'
                        ? t('fieldLookBackDateHelp')
                        : undefined
                  }
                >
                  <DatePicker
                    style={{ width: 200 }}
                    format="YYYY-MM-DD"
                    // A check or a look-back is recorded once done: not after today.
                    disabledDate={field === 'date' ? (day: Dayjs) => day.format('YYYY-MM-DD') > today : undefined}
                  />
                </Form.Item>
              );
            case 'passed':
              return (
                <Form.Item key={field} name={field} label={labelOf(field)} rules={required(field)}>
                  <Radio.Group
                    options={[
                      { value: true, label: t('passedYes') },
                      { value: false, label: t('passedNo') },
                    ]}
                  />
                </Form.Item>
              );
            case 'outcome':
              return (
                <Form.Item key={field} name={field} label={labelOf(field)} rules={required(field)}>
                  <Select<string>
                    options={
                      action === 'look-back'
                        ? lookBackOutcomes.map((outcome) => ({
                            value: outcome,
                            label: lookBackOutcomeLabels[outcome][language],
                          }))
                        : strikeOffOutcomes.map((outcome) => ({
                            value: outcome,
                            label: strikeOffOutcomeLabels[outcome][language],
                          }))
                    }
                  />
                </Form.Item>
              );
            case 'inspectors':
            case 'where':
              return (
                <Form.Item key={field} name={field} label={labelOf(field)} rules={required(field)}>
                  <Input maxLength={200} />
                </Form.Item>
              );
            case 'findings':
              return textField(field, 3, 2000);
            case 'result':
              return textField(field, 4, 5000);
            case 'publicReply':
              return textField(field, 3, 2000);
            case 'reason':
              return textField(field, 2, 1000);
            default:
              return (
                <Form.Item key={field} name={field} label={labelOf(field)} rules={required(field)}>
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

/** What a form starts with: the day of a check today, a strike-off as 销号. */
const initialValues = (action: ActionName, today: string): Record<string, unknown> => {
  switch (action) {
    case 'check-on-site':
      return { date: dayjs(today) };
    case 'strike-off':
      return { outcome: 'struck-off' };
    default:
      return {};
  }
};

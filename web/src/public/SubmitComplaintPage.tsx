/**
 * The public complaint form (`POST /v1/public/complaints`, channel web): what and where, the enterprise, photos, and
 * an optional contact. The page checks only what is plainly missing; the API's problem+json says the rest, each
 * message under its field. One `Idempotency-Key` per submission, kept while the same complaint is retried. The
 * tracking code and secret of the receipt are shown once ({@link Receipt}).
 */
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Form,
  type FormInstance,
  Input,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { fieldPath, type Problem, problemText, showFieldErrors } from '../api/problems.ts';
import type { NewPublicComplaint, PublicReceipt } from '../api/schema.gen.ts';
import { stillUploading } from '../common/AttachmentUpload.tsx';
import { type Category, categoryLabels } from '../common/labels.ts';
import { defineMessages, useI18n, useMessages } from '../i18n/i18n.tsx';
import { formatWait, retryAfterSeconds } from './format.ts';
import { attachmentRefs, maxFiles, PhotoUpload } from './PhotoUpload.tsx';
import { Receipt } from './Receipt.tsx';

const messages = defineMessages({
  zh: {
    title: '我要投诉',
    intro: '请如实填写。带 * 的为必填项；联系方式可以不填，也可以匿名投诉。',
    problem: '反映的问题',
    category: '污染类别',
    categoryPlaceholder: '请选择',
    categoryRequired: '请选择污染类别',
    address: '问题发生地点',
    addressPlaceholder: '如：城东街道建设路 18 号旁',
    addressRequired: '请填写问题发生的地点',
    town: '所在乡镇（街道）',
    townPlaceholder: '如：城东街道',
    enterprise: '涉及的企业或单位',
    enterprisePlaceholder: '知道的话请填写名称（选填）',
    description: '情况说明',
    descriptionPlaceholder: '请说明发生了什么、什么时间、持续多久、对周围有什么影响（至少 10 个字）',
    descriptionRequired: '请说明情况',
    photos: '照片或录音',
    photosExtra: '选填，最多 {max} 个，每个不超过 20 MB',
    contact: '联系方式',
    identity: '投诉方式',
    named: '实名投诉',
    anonymous: '匿名投诉',
    anonymousHint: '匿名投诉不留姓名；如愿意，可以留下电话或邮箱，便于我们核实情况、告知结果。',
    name: '姓名',
    phone: '联系电话',
    phonePlaceholder: '手机号或带区号的固定电话',
    email: '电子邮箱',
    confidential: '请对我的身份保密（仅受理人员可见）',
    submit: '提交投诉',
    submitting: '正在提交…',
    waitUploads: '照片还在上传，请稍候再提交',
    failed: '提交未成功',
    tooMany: '提交过于频繁，请 {wait}后再试。',
    tooManyNoWait: '提交过于频繁，请稍后再试。',
    network: '网络连接失败，请检查网络后重试（再次提交不会重复登记）。',
    fixFields: '请按提示修改后再提交。',
  },
  en: {
    title: 'Report a problem',
    intro: 'Fields marked * are required. Contact details are optional; you may also report anonymously.',
    problem: 'The problem',
    category: 'Kind of pollution',
    categoryPlaceholder: 'Choose',
    categoryRequired: 'Please choose the kind of pollution',
    address: 'Where it happens',
    addressPlaceholder: 'e.g. next to No. 18 Jianshe Road, Chengdong',
    addressRequired: 'Please tell us where it happens',
    town: 'Town or subdistrict',
    townPlaceholder: 'e.g. Chengdong subdistrict',
    enterprise: 'Enterprise or organisation involved',
    enterprisePlaceholder: 'Its name, if you know it (optional)',
    description: 'What happened',
    descriptionPlaceholder:
      'What happens, when, for how long, and how it affects the neighbourhood (10 characters at least)',
    descriptionRequired: 'Please describe the problem',
    photos: 'Photos or recordings',
    photosExtra: 'Optional, up to {max} files of 20 MB each',
    contact: 'Contact',
    identity: 'Report as',
    named: 'Named',
    anonymous: 'Anonymous',
    anonymousHint:
      'An anonymous report leaves no name; if you like, leave a phone number or email so that we can check details and tell you the result.',
    name: 'Name',
    phone: 'Phone',
    phonePlaceholder: 'Mobile, or landline with area code',
    email: 'Email',
    confidential: 'Keep my identity confidential (seen by intake staff only)',
    submit: 'Submit',
    submitting: 'Submitting…',
    waitUploads: 'Photos are still uploading; please wait a moment',
    failed: 'Not submitted',
    tooMany: 'Too many reports from your connection; please try again in {wait}.',
    tooManyNoWait: 'Too many reports from your connection; please try again later.',
    network: 'Could not reach the server; check your connection and try again (a retry is not registered twice).',
    fixFields: 'Please correct the fields marked below.',
  },
});

interface Values {
  category?: Category;
  place?: { address?: string; town?: string };
  source?: { name?: string };
  description?: string;
  attachments?: Parameters<typeof attachmentRefs>[0];
  complainant?: { anonymous?: boolean; name?: string; phone?: string; email?: string; confidential?: boolean };
}

/** The top-level fields of the form, as the API names them. */
const formFields = ['category', 'place', 'source', 'description', 'attachments', 'complainant'] as const;

/** The form's own field paths: an API error on any other path is shown above the form. */
const fieldPaths = new Set([
  'category',
  'place.address',
  'place.town',
  'source.name',
  'description',
  'attachments',
  'complainant.anonymous',
  'complainant.name',
  'complainant.phone',
  'complainant.email',
  'complainant.confidential',
]);

/** The fields with the page's own rules: editing one checks it again, which replaces an error the API put there. */
const checkedPaths = new Set(['category', 'place.address', 'description']);

/** The paths of the fields a change of values touches (`{ complainant: { phone } }` → ['complainant', 'phone']). */
const changedPaths = (value: unknown, prefix: string[] = []): string[][] =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && prefix.length < 2
    ? Object.entries(value).flatMap(([key, inner]) => changedPaths(inner, [...prefix, key]))
    : [prefix];

/**
 * A fresh idempotency key: a random UUID — made from `getRandomValues` where `randomUUID` is missing (a page served
 * over plain http from another machine is not a secure context).
 */
const newIdempotencyKey = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const blank = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);

/** The complaint the form's values make: empty optional fields left out. */
const complaintOf = (values: Values): NewPublicComplaint => {
  const town = blank(values.place?.town);
  const sourceName = blank(values.source?.name);
  const person = values.complainant ?? {};
  const anonymous = person.anonymous === true;
  const name = anonymous ? undefined : blank(person.name);
  const phone = blank(person.phone);
  const email = blank(person.email);
  const attachments = attachmentRefs(values.attachments);
  return {
    category: values.category as Category,
    place: { address: values.place?.address?.trim() ?? '', ...(town ? { town } : {}) },
    ...(sourceName ? { source: { name: sourceName } } : {}),
    description: values.description?.trim() ?? '',
    ...(attachments && attachments.length > 0 ? { attachments } : {}),
    complainant: {
      anonymous,
      ...(name ? { name } : {}),
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
      confidential: !anonymous && person.confidential === true,
    },
  };
};

/** The problem with each error on a path the form shows (attachment errors on the photos field); the rest returned. */
const splitProblem = (problem: Problem): { fields: Problem; loose: string[] } => {
  const errors = [];
  const loose: string[] = [];
  for (const error of problem.errors ?? []) {
    const path = error.path.startsWith('attachments') ? 'attachments' : error.path;
    if (fieldPaths.has(path)) errors.push({ ...error, path });
    else loose.push(error.path ? `${error.path}：${error.message}` : error.message);
  }
  return { fields: { ...problem, errors }, loose };
};

const SubmitComplaintPage = () => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [sending, setSending] = useState(false);
  const [alert, setAlert] = useState<{ title: string; lines: string[] }>();
  const [receipt, setReceipt] = useState<PublicReceipt>();
  /** The key of the last submission and the body it carried: a retry of the same body reuses the key. */
  const attempt = useRef<{ key: string; body: string }>(undefined);
  const anonymous = Form.useWatch(['complainant', 'anonymous'], form) === true;

  const submit = async (values: Values) => {
    if (stillUploading(values.attachments)) {
      message.warning(t('waitUploads'));
      return;
    }
    const body = complaintOf(values);
    const serialized = JSON.stringify(body);
    if (attempt.current?.body !== serialized) attempt.current = { key: newIdempotencyKey(), body: serialized };
    setSending(true);
    setAlert(undefined);
    try {
      const { data, error, response } = await api.POST('/v1/public/complaints', {
        params: { header: { 'idempotency-key': attempt.current.key } },
        body,
      });
      if (data) {
        attempt.current = undefined;
        setReceipt(data);
        window.scrollTo({ top: 0 });
        return;
      }
      if (response.status === 429) {
        const wait = retryAfterSeconds(response);
        setAlert({
          title: t('failed'),
          lines: [wait ? t('tooMany', { wait: formatWait(wait, language) }) : t('tooManyNoWait')],
        });
        return;
      }
      const { fields, loose } = splitProblem(error);
      const unplaced = showFieldErrors(form, fields, formFields);
      const lines = [...loose, ...unplaced];
      const placed = (fields.errors?.length ?? 0) - unplaced.length;
      setAlert({
        title: t('failed'),
        lines: lines.length > 0 ? lines : placed > 0 ? [t('fixFields')] : [problemText(error)],
      });
      if (placed > 0) form.scrollToField(fieldPath(fields.errors?.[0]?.path ?? ''), { block: 'center' });
    } catch {
      setAlert({ title: t('failed'), lines: [t('network')] });
    } finally {
      setSending(false);
    }
  };

  const again = () => {
    setReceipt(undefined);
    setAlert(undefined);
    form.resetFields();
  };

  if (receipt) {
    return (
      <main className="gl-narrow">
        <Typography.Title level={1}>{t('title')}</Typography.Title>
        <Receipt receipt={receipt} onAnother={again} />
      </main>
    );
  }

  return (
    <main className="gl-narrow">
      <Typography.Title level={1}>{t('title')}</Typography.Title>
      <Typography.Paragraph>{t('intro')}</Typography.Paragraph>
      {alert && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 16 }}
          title={alert.title}
          description={
            alert.lines.length === 1 ? (
              alert.lines[0]
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {alert.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        onFinish={submit}
        onValuesChange={(changed) => {
          // An error the API put under a field without rules of its own goes once the field is edited.
          const fields: FormInstance = form;
          const stale = changedPaths(changed).filter(
            (name) => !checkedPaths.has(name.join('.')) && fields.getFieldError(name).length > 0,
          );
          if (stale.length > 0) fields.setFields(stale.map((name) => ({ name, errors: [] })));
        }}
        onFinishFailed={({ errorFields }) => {
          const first = errorFields[0];
          if (first) form.scrollToField(first.name, { block: 'center' });
        }}
        initialValues={{ complainant: { anonymous: false, confidential: false }, attachments: [] }}
        scrollToFirstError={false}
        style={{ background: '#fff', padding: 24, borderRadius: 8 }}
      >
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
          {t('problem')}
        </Typography.Title>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="category"
              label={t('category')}
              rules={[{ required: true, message: t('categoryRequired') }]}
            >
              <Select
                placeholder={t('categoryPlaceholder')}
                showSearch={{ optionFilterProp: 'label' }}
                options={Object.entries(categoryLabels).map(([value, label]) => ({ value, label: label[language] }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} sm={16}>
            <Form.Item
              name={['place', 'address']}
              label={t('address')}
              rules={[{ required: true, whitespace: true, message: t('addressRequired') }]}
            >
              <Input placeholder={t('addressPlaceholder')} maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name={['place', 'town']} label={t('town')}>
              <Input placeholder={t('townPlaceholder')} maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name={['source', 'name']} label={t('enterprise')}>
          <Input placeholder={t('enterprisePlaceholder')} maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('description')}
          rules={[{ required: true, whitespace: true, message: t('descriptionRequired') }]}
        >
          <Input.TextArea placeholder={t('descriptionPlaceholder')} rows={6} showCount maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="attachments"
          label={t('photos')}
          extra={t('photosExtra', { max: maxFiles })}
          valuePropName="fileList"
        >
          <PhotoUpload />
        </Form.Item>

        <Typography.Title level={2} style={{ fontSize: 18 }}>
          {t('contact')}
        </Typography.Title>
        <Form.Item name={['complainant', 'anonymous']} label={t('identity')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: false, label: t('named') },
              { value: true, label: t('anonymous') },
            ]}
          />
        </Form.Item>
        {anonymous && (
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
            {t('anonymousHint')}
          </Typography.Paragraph>
        )}
        <Row gutter={16}>
          {!anonymous && (
            <Col xs={24} sm={8}>
              <Form.Item name={['complainant', 'name']} label={t('name')}>
                <Input maxLength={50} autoComplete="name" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} sm={8}>
            <Form.Item name={['complainant', 'phone']} label={t('phone')}>
              <Input placeholder={t('phonePlaceholder')} inputMode="tel" autoComplete="tel" maxLength={20} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name={['complainant', 'email']} label={t('email')}>
              <Input type="email" autoComplete="email" maxLength={254} />
            </Form.Item>
          </Col>
        </Row>
        {!anonymous && (
          <Form.Item name={['complainant', 'confidential']} valuePropName="checked">
            <Checkbox>{t('confidential')}</Checkbox>
          </Form.Item>
        )}
        <Form.Item style={{ marginBottom: 0 }}>
          <Button type="primary" htmlType="submit" size="large" loading={sending}>
            {sending ? t('submitting') : t('submit')}
          </Button>
        </Form.Item>
      </Form>
    </main>
  );
};

export default SubmitComplaintPage;

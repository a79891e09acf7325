/**
 * Hotline intake, built for speed while the caller is on the line: the first field has the focus, fields follow the
 * call (who, what, where, how urgent), everything works from the keyboard. Enter in a one-line field saves (the
 * form's submit button), Ctrl+Enter saves from the description. `POST /v1/complaints` carries an `Idempotency-Key`
 * made per complaint and kept for retries, so a retried save never registers the call twice. The API has no
 * check-only mode, so the likely duplicates it flags are shown right after saving, above the cleared form.
 */
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  type InputRef,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { api } from '../../api/client.ts';
import { problemText, showFieldErrors } from '../../api/problems.ts';
import type { Case, NewComplaint } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import { type Category, type Channel, categoryLabels, channelLabels } from '../../common/labels.ts';
import { defineMessages, useI18n, useMessages } from '../../i18n/i18n.tsx';
import { IntakeResult } from './IntakeResult.tsx';
import { tabOnward } from './keyboard.ts';
import { useTownSuggestions } from './towns.ts';

const messages = defineMessages({
  zh: {
    title: '热线登记',
    intro: '来电时边听边录：Tab 到下一项，单行输入框中按 Enter 或在问题描述中按 Ctrl+Enter 即登记。',
    caller: '来电人',
    name: '姓名',
    phone: '联系电话',
    email: '电子邮箱',
    anonymous: '匿名投诉',
    confidential: '要求对身份保密',
    matter: '反映问题',
    category: '污染类别',
    categoryRequired: '请选择污染类别',
    town: '乡镇（街道）',
    address: '地点',
    addressRequired: '请填写问题发生的地点',
    enterprise: '被反映企业或对象',
    uscc: '统一社会信用代码',
    description: '问题描述',
    descriptionRequired: '请描述问题（至少 10 个字）',
    descriptionHint: 'Ctrl+Enter 登记',
    urgency: '紧急程度',
    normal: '一般',
    urgent: '紧急',
    channel: '来源渠道',
    receivedAt: '收到时间',
    submit: '登记',
    submitting: '正在登记…',
    clear: '清空',
    failed: '登记未成功',
    retry: '网络或服务异常：可直接再次登记，不会重复登记同一来电。',
    notOperator: '登记投诉需接线员角色；当前账号提交时将被拒绝。',
  },
  en: {
    title: 'Hotline intake',
    intro:
      'Record while you listen: Tab to the next field; Enter in a one-line field, or Ctrl+Enter in the description, saves.',
    caller: 'Caller',
    name: 'Name',
    phone: 'Phone',
    email: 'Email',
    anonymous: 'Anonymous',
    confidential: 'Keep identity confidential',
    matter: 'The matter',
    category: 'Category',
    categoryRequired: 'Choose a category',
    town: 'Town',
    address: 'Place',
    addressRequired: 'Where does it happen?',
    enterprise: 'Enterprise or source',
    uscc: 'Unified social credit code',
    description: 'Description',
    descriptionRequired: 'Describe the problem (at least 10 characters)',
    descriptionHint: 'Ctrl+Enter saves',
    urgency: 'Urgency',
    normal: 'Normal',
    urgent: 'Urgent',
    channel: 'Channel',
    receivedAt: 'Received at',
    submit: 'Save',
    submitting: 'Saving…',
    clear: 'Clear',
    failed: 'Not saved',
    retry: 'Network or service trouble: save again — the call will not be recorded twice.',
    notOperator: 'Recording complaints needs the operator role; this account will be refused.',
  },
});

interface Values {
  complainant: { name?: string; phone?: string; email?: string; anonymous?: boolean; confidential?: boolean };
  category?: Category;
  place: { town?: string; address?: string };
  source: { name?: string; uscc?: string };
  description?: string;
  urgency: 'normal' | 'urgent';
  channel: Channel;
  receivedAt?: Dayjs | null;
}

/** Top-level names of the form (where the API's field errors can go). */
const fieldNames = ['complainant', 'category', 'place', 'source', 'description', 'urgency', 'channel', 'receivedAt'];

const initialValues = (): Values => ({
  complainant: { anonymous: false, confidential: false },
  place: {},
  source: {},
  urgency: 'normal',
  channel: 'hotline',
  receivedAt: dayjs(),
});

const blank = (text: string | undefined) => {
  const value = text?.trim();
  return value ? value : undefined;
};

/** A random UUID (crypto.randomUUID needs a secure context; the fallback does not). */
const newKey = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

const HotlinePage = () => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const session = useSession();
  const [form] = Form.useForm<Values>();
  const firstField = useRef<InputRef>(null);
  /** The key of the complaint being saved: made on the first attempt, kept until it is saved (retries reuse it). */
  const idempotencyKey = useRef<string | undefined>(undefined);
  /** The operator set the receipt time themselves (else the server's clock stamps it). */
  const [receivedEdited, setReceivedEdited] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Case>();
  const [problem, setProblem] = useState<{ title: string; lines: string[]; retry: boolean }>();
  const anonymous = Form.useWatch(['complainant', 'anonymous'], form);
  const [towns, rememberTown] = useTownSuggestions();
  const townQuery = Form.useWatch(['place', 'town'], form) ?? '';
  const isOperator = session?.user.roles.includes('operator') ?? false;

  const startNextCall = () => {
    form.resetFields();
    form.setFieldsValue(initialValues());
    setReceivedEdited(false);
    idempotencyKey.current = undefined;
    firstField.current?.focus();
  };

  const submit = async (values: Values) => {
    if (busy) return;
    setBusy(true);
    setProblem(undefined);
    idempotencyKey.current ??= newKey();
    const anonymousCall = values.complainant.anonymous ?? false;
    const complainant = {
      anonymous: anonymousCall,
      confidential: values.complainant.confidential ?? false,
      name: anonymousCall ? undefined : blank(values.complainant.name),
      phone: blank(values.complainant.phone),
      email: blank(values.complainant.email),
    };
    const sourceName = blank(values.source.name);
    const body: NewComplaint = {
      channel: values.channel,
      ...(receivedEdited && values.receivedAt ? { receivedAt: values.receivedAt.toISOString() } : {}),
      complainant,
      place: { address: values.place.address?.trim() ?? '', town: blank(values.place.town) },
      ...(sourceName ? { source: { name: sourceName, uscc: blank(values.source.uscc) } } : {}),
      category: values.category as Category,
      description: values.description?.trim() ?? '',
      urgency: values.urgency,
    };
    try {
      const { data, error, response } = await api.POST('/v1/complaints', {
        params: { header: { 'idempotency-key': idempotencyKey.current } },
        body,
      });
      if (data) {
        setSaved(data);
        rememberTown(body.place.town);
        startNextCall();
        return;
      }
      const server = response.status >= 500;
      // A refused request stored nothing: the corrected complaint is a new request, with a new key.
      if (!server) idempotencyKey.current = undefined;
      const loose = error ? showFieldErrors(form, error, fieldNames) : [];
      setProblem({ title: error ? problemText(error) : t('failed'), lines: loose, retry: server });
    } catch {
      // Network failure: the key is kept, so saving again cannot register the call twice.
      setProblem({ title: t('failed'), lines: [], retry: true });
    } finally {
      setBusy(false);
    }
  };

  const optionsOf = <Key extends string>(labels: Readonly<Record<Key, { zh: string; en: string }>>) =>
    (Object.keys(labels) as Key[]).map((value) => ({ value, label: labels[value][language] }));
  const townOptions = towns
    .filter((town) => town.includes(townQuery.trim()))
    .slice(0, 20)
    .map((town) => ({ value: town }));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ marginBottom: 4 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      </div>
      {isOperator ? null : <Alert type="info" showIcon title={t('notOperator')} />}
      {saved ? <IntakeResult saved={saved} /> : null}
      {problem ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="intake-problem"
          title={problem.title}
          description={
            problem.lines.length > 0 || problem.retry ? (
              <>
                {problem.lines.map((line) => (
                  <div key={line}>{line}</div>
                ))}
                {problem.retry ? <div>{t('retry')}</div> : null}
              </>
            ) : undefined
          }
        />
      ) : null}
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          aria-label={t('title')}
          initialValues={initialValues()}
          onFinish={(values) => void submit(values)}
          scrollToFirstError={{ focus: true }}
          requiredMark="optional"
        >
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('caller')}
          </Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name={['complainant', 'name']} label={t('name')}>
                <Input ref={firstField} autoFocus autoComplete="off" disabled={anonymous} maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['complainant', 'phone']} label={t('phone')}>
                <Input autoComplete="off" inputMode="tel" maxLength={20} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['complainant', 'email']} label={t('email')}>
                <Input autoComplete="off" inputMode="email" maxLength={254} />
              </Form.Item>
            </Col>
          </Row>
          <Space size="large" style={{ marginBottom: 16 }}>
            <Form.Item name={['complainant', 'anonymous']} valuePropName="checked" noStyle>
              <Checkbox
                onChange={(event) => {
                  if (event.target.checked) form.setFieldValue(['complainant', 'name'], undefined);
                }}
              >
                {t('anonymous')}
              </Checkbox>
            </Form.Item>
            <Form.Item name={['complainant', 'confidential']} valuePropName="checked" noStyle>
              <Checkbox>{t('confidential')}</Checkbox>
            </Form.Item>
          </Space>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('matter')}
          </Typography.Title>
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item
                name="category"
                label={t('category')}
                rules={[{ required: true, message: t('categoryRequired') }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  options={optionsOf(categoryLabels)}
                  onKeyDown={tabOnward}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name={['place', 'town']} label={t('town')}>
                <AutoComplete options={townOptions} onKeyDown={tabOnward} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name={['place', 'address']}
                label={t('address')}
                rules={[{ required: true, whitespace: true, message: t('addressRequired') }]}
              >
                <Input autoComplete="off" maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name={['source', 'name']} label={t('enterprise')}>
                <Input autoComplete="off" maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={['source', 'uscc']} label={t('uscc')}>
                <Input autoComplete="off" maxLength={18} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="description"
            label={t('description')}
            extra={t('descriptionHint')}
            rules={[{ required: true, whitespace: true, min: 10, message: t('descriptionRequired') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 4, maxRows: 12 }}
              maxLength={5000}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  form.submit();
                }
              }}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item name="urgency" label={t('urgency')}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'normal', label: t('normal') },
                    { value: 'urgent', label: t('urgent') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="channel" label={t('channel')}>
                <Select options={optionsOf(channelLabels)} onKeyDown={tabOnward} />
              </Form.Item>
            </Col>
            <Col xs={24} md={10}>
              <Form.Item name="receivedAt" label={t('receivedAt')}>
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: '100%' }}
                  onChange={() => setReceivedEdited(true)}
                  disabledDate={(date) => date.isAfter(dayjs(), 'day')}
                />
              </Form.Item>
            </Col>
          </Row>
          <Flex gap="small">
            <Button type="primary" htmlType="submit" loading={busy} data-testid="intake-submit">
              {busy ? t('submitting') : t('submit')}
            </Button>
            <Button htmlType="button" onClick={startNextCall}>
              {t('clear')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </Space>
  );
};

export default HotlinePage;

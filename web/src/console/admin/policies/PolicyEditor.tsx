/**
 * Editing the time-limit policies (admins): the version in force, changed and saved as the next version
 * (`PUT /v1/admin/time-limit-policies` with `basedOn`). Deadlines already computed keep the version they came from.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { problemText, showFieldErrors } from '../../../api/problems.ts';
import type { paths } from '../../../api/schema.gen.ts';
import { categoryLabels, channelLabels, kindLabels } from '../../../common/labels.ts';
import { defineMessages, type Language, useI18n, useMessages } from '../../../i18n/i18n.tsx';
import {
  type Policy,
  type PolicyStep,
  type PolicyVersion,
  type StepName,
  stepLabels,
  stepNames,
  unitLabels,
  urgencyLabels,
} from './policyText.ts';

const messages = defineMessages({
  zh: {
    title: '编辑办理时限（保存为第 {version} 版）',
    hint: '保存后新登记的事项按新版本计算期限；已有事项的期限及其依据的版本不变。须保留一条不设适用条件的兜底规则。',
    id: '编号',
    name: '名称',
    kind: '适用类型',
    channel: '适用渠道',
    category: '适用类别',
    urgency: '紧急程度',
    any: '不限',
    enabled: '设此时限',
    amount: '期限',
    unit: '单位',
    startsNextDay: '次日起算',
    rollsOverHolidays: '遇节假日顺延',
    maxExtensions: '延期次数上限',
    maxExtensionDays: '每次延期天数上限',
    maxReturns: '退单次数上限',
    fraction: '转黄比例（0–1）',
    minimumDays: '至少提前转黄天数',
    add: '添加规则',
    remove: '删除此规则',
    save: '保存为新版本',
    cancel: '取消',
    refused: '未能保存',
    policy: '规则 {n}',
  },
  en: {
    title: 'Edit time limits (saved as version {version})',
    hint: 'Cases registered after saving use the new version; existing deadlines and their version stay. Keep one catch-all policy without conditions.',
    id: 'Id',
    name: 'Name',
    kind: 'Kind',
    channel: 'Channel',
    category: 'Category',
    urgency: 'Urgency',
    any: 'Any',
    enabled: 'Has this limit',
    amount: 'Amount',
    unit: 'Unit',
    startsNextDay: 'From the next day',
    rollsOverHolidays: 'Rolls over holidays',
    maxExtensions: 'Max extensions',
    maxExtensionDays: 'Max days per extension',
    maxReturns: 'Max returns',
    fraction: 'Yellow share (0–1)',
    minimumDays: 'Yellow at least days before',
    add: 'Add a policy',
    remove: 'Remove this policy',
    save: 'Save as new version',
    cancel: 'Cancel',
    refused: 'Not saved',
    policy: 'Policy {n}',
  },
});

type PutBody = paths['/v1/admin/time-limit-policies']['put']['requestBody']['content']['application/json'];
type StepForm = Partial<PolicyStep> & { enabled?: boolean };
type PolicyForm = Omit<Policy, 'steps'> & { steps: Record<StepName, StepForm> };
interface Values {
  policies: PolicyForm[];
}

const defaultStep: PolicyStep = { amount: 15, unit: 'calendar-days', startsNextDay: true, rollsOverHolidays: true };

const toForm = (policy: Policy): PolicyForm => ({
  ...policy,
  steps: Object.fromEntries(
    stepNames.map((name) => {
      const step = policy.steps[name];
      return [name, step ? { ...step, enabled: true } : { ...defaultStep, enabled: name === 'finish' }];
    }),
  ) as Record<StepName, StepForm>,
});

const fromForm = (policy: PolicyForm): Policy => {
  const steps: Partial<Record<StepName, PolicyStep>> = {};
  for (const name of stepNames) {
    const { enabled, ...step } = policy.steps[name];
    if (enabled || name === 'finish') steps[name] = step as PolicyStep;
  }
  const match = Object.fromEntries(Object.entries(policy.match ?? {}).filter(([, value]) => value)) as Policy['match'];
  return { ...policy, match, steps: steps as Policy['steps'] };
};

const optionsOf = <Key extends string>(labels: Readonly<Record<Key, Record<Language, string>>>, language: Language) =>
  (Object.keys(labels) as Key[]).map((value) => ({ value, label: labels[value][language] }));

export const PolicyEditor = ({
  current,
  open,
  onClose,
  onSaved,
}: {
  current: PolicyVersion;
  open: boolean;
  onClose: () => void;
  onSaved: (saved: { version: number }) => void;
}) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; lines: string[] }>();

  const save = async (values: Values) => {
    setBusy(true);
    setProblem(undefined);
    const [first, ...rest] = values.policies.map(fromForm);
    if (!first) return;
    const { data, error } = await api.PUT('/v1/admin/time-limit-policies', {
      body: { policies: [first, ...rest] as PutBody['policies'], basedOn: current.version },
    });
    setBusy(false);
    if (data) {
      onSaved(data);
      return;
    }
    if (error) setProblem({ title: problemText(error), lines: showFieldErrors(form, error, ['policies']) });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      width={960}
      destroyOnHidden
      title={t('title', { version: current.version + 1 })}
      footer={
        <Flex gap="small" justify="flex-end">
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()}>
            {t('save')}
          </Button>
        </Flex>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('hint')} />
        {problem ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={`${t('refused')}：${problem.title}`}
            description={
              problem.lines.length > 0 ? problem.lines.map((line) => <div key={line}>{line}</div>) : undefined
            }
          />
        ) : null}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ policies: current.policies.map(toForm) }}
          onFinish={(values) => void save(values)}
        >
          <Form.List name="policies">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    title={
                      <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
                        {t('policy', { n: index + 1 })}
                      </Typography.Title>
                    }
                    extra={
                      <Button danger size="small" onClick={() => remove(field.name)} disabled={fields.length <= 1}>
                        {t('remove')}
                      </Button>
                    }
                  >
                    <Row gutter={12}>
                      <Col span={8}>
                        <Form.Item name={[field.name, 'id']} label={t('id')} rules={[{ required: true }]}>
                          <Input />
                        </Form.Item>
                      </Col>
                      <Col span={16}>
                        <Form.Item name={[field.name, 'name']} label={t('name')} rules={[{ required: true }]}>
                          <Input />
                        </Form.Item>
                      </Col>
                    </Row>
                    <Row gutter={12}>
                      {(
                        [
                          ['kind', kindLabels],
                          ['channel', channelLabels],
                          ['category', categoryLabels],
                          ['urgency', urgencyLabels],
                        ] as const
                      ).map(([name, labels]) => (
                        <Col span={6} key={name}>
                          <Form.Item name={[field.name, 'match', name]} label={t(name)}>
                            <Select
                              allowClear
                              placeholder={t('any')}
                              options={optionsOf(
                                labels as Readonly<Record<string, Record<Language, string>>>,
                                language,
                              )}
                            />
                          </Form.Item>
                        </Col>
                      ))}
                    </Row>
                    {stepNames.map((step) => (
                      <Row gutter={12} key={step} align="bottom">
                        <Col span={5}>
                          <Form.Item
                            name={[field.name, 'steps', step, 'enabled']}
                            valuePropName="checked"
                            label={stepLabels[step][language]}
                          >
                            <Checkbox disabled={step === 'finish'}>{t('enabled')}</Checkbox>
                          </Form.Item>
                        </Col>
                        <Col span={4}>
                          <Form.Item name={[field.name, 'steps', step, 'amount']} label={t('amount')}>
                            <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                        <Col span={5}>
                          <Form.Item name={[field.name, 'steps', step, 'unit']} label={t('unit')}>
                            <Select options={optionsOf(unitLabels, language)} />
                          </Form.Item>
                        </Col>
                        <Col span={5}>
                          <Form.Item name={[field.name, 'steps', step, 'startsNextDay']} valuePropName="checked">
                            <Checkbox>{t('startsNextDay')}</Checkbox>
                          </Form.Item>
                        </Col>
                        <Col span={5}>
                          <Form.Item name={[field.name, 'steps', step, 'rollsOverHolidays']} valuePropName="checked">
                            <Checkbox>{t('rollsOverHolidays')}</Checkbox>
                          </Form.Item>
                        </Col>
                      </Row>
                    ))}
                    <Row gutter={12}>
                      {(
                        [
                          [['maxExtensions'], 'maxExtensions', 10, 0],
                          [['maxExtensionDays'], 'maxExtensionDays', 365, 0],
                          [['maxReturns'], 'maxReturns', 20, 0],
                          [['warning', 'fraction'], 'fraction', 1, 2],
                          [['warning', 'minimumDays'], 'minimumDays', 30, 0],
                        ] as const
                      ).map(([path, label, max, precision]) => (
                        <Col span={label === 'maxExtensionDays' || label === 'minimumDays' ? 5 : 4} key={label}>
                          <Form.Item name={[field.name, ...path]} label={t(label)} rules={[{ required: true }]}>
                            <InputNumber
                              min={0}
                              max={max}
                              precision={precision}
                              step={precision ? 0.05 : 1}
                              style={{ width: '100%' }}
                            />
                          </Form.Item>
                        </Col>
                      ))}
                    </Row>
                  </Card>
                ))}
                <Button
                  onClick={() =>
                    add(
                      toForm({
                        id: `policy-${fields.length + 1}`,
                        name: '',
                        match: {},
                        steps: { finish: defaultStep },
                        maxExtensionDays: 30,
                        maxExtensions: 1,
                        maxReturns: 3,
                        warning: { fraction: 0.2, minimumDays: 1 },
                      }),
                    )
                  }
                >
                  {t('add')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form>
      </Space>
    </Drawer>
  );
};

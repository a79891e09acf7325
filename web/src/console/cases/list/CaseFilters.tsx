/**
 * The case list's filters, one for each query parameter of `GET /v1/cases`. The values live in the URL (the page
 * reads them from there), so a filtered list can be bookmarked and shared.
 */
import { Button, DatePicker, Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { operations } from '../../../api/schema.gen.ts';
import {
  type Category,
  type Channel,
  categoryLabels,
  channelLabels,
  type Kind,
  kindLabels,
  stateLabels,
} from '../../../common/labels.ts';
import { defineMessages, useI18n, useMessages } from '../../../i18n/i18n.tsx';
import { useColleagues, useUnits } from './directory.ts';

export type CaseQuery = NonNullable<operations['listCasesGet']['parameters']['query']>;

/** The filters (every query parameter but the page's cursor and size). */
export const filterNames = [
  'state',
  'kind',
  'unit',
  'assignee',
  'category',
  'channel',
  'receivedFrom',
  'receivedTo',
] as const satisfies readonly (keyof CaseQuery)[];

export type CaseFilterValues = Pick<CaseQuery, (typeof filterNames)[number]>;

const messages = defineMessages({
  zh: {
    state: '状态',
    kind: '类型',
    unit: '单位',
    assignee: '责任人',
    category: '类别',
    channel: '渠道',
    received: '收到日期',
    from: '开始日期',
    to: '结束日期',
    any: '全部',
    clear: '清除筛选',
    filters: '筛选条件',
  },
  en: {
    state: 'State',
    kind: 'Kind',
    unit: 'Unit',
    assignee: 'Responsible',
    category: 'Category',
    channel: 'Channel',
    received: 'Received',
    from: 'From',
    to: 'To',
    any: 'Any',
    clear: 'Clear filters',
    filters: 'Filters',
  },
});

interface FormValues {
  state?: CaseQuery['state'];
  kind?: Kind;
  unit?: string;
  assignee?: string;
  category?: Category;
  channel?: Channel;
  received?: [Dayjs | null, Dayjs | null] | null;
}

const toForm = (values: CaseFilterValues): FormValues => ({
  state: values.state,
  kind: values.kind,
  unit: values.unit,
  assignee: values.assignee,
  category: values.category,
  channel: values.channel,
  received:
    values.receivedFrom || values.receivedTo
      ? [values.receivedFrom ? dayjs(values.receivedFrom) : null, values.receivedTo ? dayjs(values.receivedTo) : null]
      : null,
});

const fromForm = (values: FormValues): CaseFilterValues => ({
  state: values.state ?? undefined,
  kind: values.kind ?? undefined,
  unit: values.unit ?? undefined,
  assignee: values.assignee ?? undefined,
  category: values.category ?? undefined,
  channel: values.channel ?? undefined,
  receivedFrom: values.received?.[0]?.format('YYYY-MM-DD'),
  receivedTo: values.received?.[1]?.format('YYYY-MM-DD'),
});

const optionsOf = <Key extends string>(
  labels: Readonly<Record<Key, { zh: string; en: string }>>,
  language: 'zh' | 'en',
) => (Object.keys(labels) as Key[]).map((value) => ({ value, label: labels[value][language] }));

export const CaseFilters = ({
  values,
  onChange,
}: {
  values: CaseFilterValues;
  onChange: (values: CaseFilterValues) => void;
}) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const units = useUnits();
  const colleagues = useColleagues();
  const key = JSON.stringify(values);

  // The URL is the truth: back/forward and bookmarks set the form.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `values`
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(values));
  }, [key, form]);

  const select = {
    allowClear: true,
    placeholder: t('any'),
    style: { width: 168 },
    showSearch: { optionFilterProp: 'label' },
  } as const;
  return (
    <Form<FormValues>
      form={form}
      layout="inline"
      aria-label={t('filters')}
      onValuesChange={(_, all) => onChange(fromForm(all))}
      style={{ rowGap: 12 }}
    >
      <Form.Item name="state" label={t('state')}>
        <Select {...select} options={optionsOf(stateLabels, language)} />
      </Form.Item>
      <Form.Item name="kind" label={t('kind')}>
        <Select {...select} options={optionsOf(kindLabels, language)} />
      </Form.Item>
      <Form.Item name="category" label={t('category')}>
        <Select {...select} options={optionsOf(categoryLabels, language)} />
      </Form.Item>
      <Form.Item name="channel" label={t('channel')}>
        <Select {...select} options={optionsOf(channelLabels, language)} />
      </Form.Item>
      <Form.Item name="unit" label={t('unit')}>
        <Select
          {...select}
          style={{ width: 220 }}
          options={units.map((unit) => ({
            value: unit.id,
            label: unit.path.length > 1 ? `${'　'.repeat(unit.path.length - 1)}${unit.name}` : unit.name,
          }))}
        />
      </Form.Item>
      <Form.Item name="assignee" label={t('assignee')}>
        <Select
          {...select}
          options={colleagues
            .filter((person) => person.roles.includes('handler'))
            .map((person) => ({ value: person.username, label: `${person.displayName}（${person.username}）` }))}
        />
      </Form.Item>
      <Form.Item name="received" label={t('received')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} placeholder={[t('from'), t('to')]} />
      </Form.Item>
      <Form.Item>
        <Button onClick={() => onChange({})}>{t('clear')}</Button>
      </Form.Item>
    </Form>
  );
};

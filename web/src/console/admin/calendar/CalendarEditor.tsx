/**
 * Entering a year's notice (admins): the State Council's holiday arrangement as date ranges — holidays (weekends
 * inside them too) and make-up working days — saved with `PUT /v1/admin/calendar/{year}`, which replaces what admins
 * entered for the year before.
 */
import { Alert, Button, DatePicker, Drawer, Flex, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { problemText } from '../../../api/problems.ts';
import type { CalendarYearInput } from '../../../api/schema.gen.ts';
import { defineMessages, useMessages } from '../../../i18n/i18n.tsx';
import { type CalendarDay, type CalendarYear, datesOf, runsOf } from './calendarDays.ts';

const messages = defineMessages({
  zh: {
    title: '录入 {year} 年节假日安排',
    hint: '按国务院办公厅关于 {year} 年部分节假日安排的通知，逐段录入放假日期（含其中的周末）和调休上班日。保存后替换此前为该年录入的内容；因缺少该年数据而被标记的在办事项，将在下一次夜间检查时重新计算期限。',
    dates: '日期',
    from: '开始日期',
    to: '结束日期',
    kind: '类型',
    holiday: '放假',
    makeup: '调休上班',
    name: '节日名称',
    add: '添加一段',
    remove: '删除',
    save: '保存',
    cancel: '取消',
    refused: '未能保存',
    empty: '请至少录入一段日期',
    range: '第 {n} 段',
  },
  en: {
    title: 'Enter the holidays of {year}',
    hint: 'From the State Council notice on the holidays of {year}: each holiday period (weekends inside it too) and each make-up working day. Saving replaces what admins entered for the year; cases flagged for missing data are recomputed by the next nightly check.',
    dates: 'Dates',
    from: 'From',
    to: 'To',
    kind: 'Kind',
    holiday: 'Holiday',
    makeup: 'Make-up working day',
    name: 'Holiday name',
    add: 'Add a period',
    remove: 'Remove',
    save: 'Save',
    cancel: 'Cancel',
    refused: 'Not saved',
    empty: 'Enter at least one period',
    range: 'Period {n}',
  },
});

interface Entry {
  range?: [Dayjs, Dayjs];
  kind: CalendarDay['kind'];
  name?: string;
}

export const CalendarEditor = ({
  calendar,
  open,
  onClose,
  onSaved,
}: {
  calendar: CalendarYear;
  open: boolean;
  onClose: () => void;
  onSaved: (saved: CalendarYear) => void;
}) => {
  const t = useMessages(messages);
  const [form] = Form.useForm<{ entries: Entry[] }>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ title: string; lines: string[] }>();
  const year = calendar.year;
  const initial: Entry[] = runsOf(calendar.days).map((run) => ({
    range: [dayjs(run.from), dayjs(run.to)],
    kind: run.kind,
    name: run.name,
  }));

  const save = async ({ entries }: { entries: Entry[] }) => {
    const days = (entries ?? []).flatMap((entry) =>
      entry.range
        ? datesOf(entry.range[0].format('YYYY-MM-DD'), entry.range[1].format('YYYY-MM-DD')).map((date) => ({
            date,
            kind: entry.kind,
            ...(entry.name?.trim() ? { name: entry.name.trim() } : {}),
          }))
        : [],
    );
    const [first, ...rest] = days;
    if (!first) {
      setProblem({ title: t('empty'), lines: [] });
      return;
    }
    setBusy(true);
    setProblem(undefined);
    const { data, error } = await api.PUT('/v1/admin/calendar/{year}', {
      params: { path: { year } },
      body: { days: [first, ...rest] as CalendarYearInput['days'] },
    });
    setBusy(false);
    if (data) onSaved(data);
    else if (error)
      setProblem({
        title: problemText(error),
        lines: (error.errors ?? []).map((item) => (item.path ? `${item.path}：${item.message}` : item.message)),
      });
  };

  const inYear = (date: Dayjs) => date.year() !== year;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      width={820}
      destroyOnHidden
      title={t('title', { year })}
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
        <Alert type="info" showIcon title={t('hint', { year })} />
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
        <Form
          form={form}
          layout="vertical"
          initialValues={{ entries: initial }}
          onFinish={(values) => void save(values)}
        >
          <Form.List name="entries">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Flex
                    key={field.key}
                    gap="small"
                    align="end"
                    wrap
                    role="group"
                    aria-label={t('range', { n: index + 1 })}
                  >
                    <Form.Item
                      name={[field.name, 'range']}
                      label={t('dates')}
                      rules={[{ required: true }]}
                      style={{ marginBottom: 12 }}
                    >
                      <DatePicker.RangePicker
                        placeholder={[t('from'), t('to')]}
                        disabledDate={inYear}
                        defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'kind']} label={t('kind')} style={{ marginBottom: 12 }}>
                      <Select
                        style={{ width: 130 }}
                        options={[
                          { value: 'holiday', label: t('holiday') },
                          { value: 'makeup-workday', label: t('makeup') },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'name']} label={t('name')} style={{ marginBottom: 12 }}>
                      <Input style={{ width: 160 }} maxLength={40} />
                    </Form.Item>
                    <Form.Item style={{ marginBottom: 12 }}>
                      <Button onClick={() => remove(field.name)}>{t('remove')}</Button>
                    </Form.Item>
                  </Flex>
                ))}
                <Button onClick={() => add({ kind: 'holiday' })}>{t('add')}</Button>
              </>
            )}
          </Form.List>
        </Form>
      </Space>
    </Drawer>
  );
};

/**
 * The case list (`GET /v1/cases`): every filter of the API kept in the URL query (bookmarkable), newest first, a
 * page at a time with the API's cursor ("下一页"; the cursors of earlier pages are kept to go back).
 */
import { Alert, Button, Card, Flex, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { problemText } from '../../api/problems.ts';
import type { CaseList } from '../../api/schema.gen.ts';
import { defineMessages, useMessages } from '../../i18n/i18n.tsx';
import { CaseFilters, type CaseFilterValues, type CaseQuery, filterNames } from './list/CaseFilters.tsx';
import { CaseTable } from './list/CaseTable.tsx';

const messages = defineMessages({
  zh: {
    title: '事项查询',
    intro: '本单位及下级单位的督办事项，新收到的在前。筛选条件保存在地址中，可收藏或转发。',
    previous: '上一页',
    next: '下一页',
    first: '回到第一页',
    page: '第 {page} 页',
    pageSize: '每页条数',
    perPage: '{count} 条/页',
    shown: '本页 {count} 件',
    empty: '没有符合条件的事项',
    noMore: '没有更多事项',
    failed: '列表加载失败',
    pages: '翻页',
  },
  en: {
    title: 'Cases',
    intro:
      'Cases of your unit and the units below it, newest first. The filters are kept in the address: bookmark or share it.',
    previous: 'Previous',
    next: 'Next',
    first: 'First page',
    page: 'Page {page}',
    pageSize: 'Page size',
    perPage: '{count} per page',
    shown: '{count} on this page',
    empty: 'No case matches',
    noMore: 'No more cases',
    failed: 'Could not load the cases',
    pages: 'Pages',
  },
});

const pageSizes = [10, 20, 50, 100];

const CaseListPage = () => {
  const t = useMessages(messages);
  const [search, setSearch] = useSearchParams();
  const query = useMemo<CaseQuery>(() => {
    const entries = [...filterNames, 'cursor'].flatMap((name) => {
      const value = search.get(name);
      return value ? [[name, value]] : [];
    });
    const limit = Number(search.get('limit'));
    return { ...Object.fromEntries(entries), ...(limit > 0 ? { limit } : {}) } as CaseQuery;
  }, [search]);
  const queryKey = JSON.stringify(query);
  /** The cursors of the pages before this one ('' for the first page). */
  const [previous, setPrevious] = useState<string[]>([]);
  const [page, setPage] = useState<CaseList>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: `queryKey` stands for `query`
  useEffect(() => {
    let live = true;
    setLoading(true);
    api.GET('/v1/cases', { params: { query } }).then(({ data, error: problem }) => {
      if (!live) return;
      setLoading(false);
      if (problem) {
        setError(problemText(problem));
        setPage(undefined);
      } else {
        setError(undefined);
        setPage(data);
      }
    });
    return () => {
      live = false;
    };
  }, [queryKey]);

  const go = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [name, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(name);
      else next.set(name, String(value));
    }
    setSearch(next);
  };

  const filter = (values: CaseFilterValues) => {
    setPrevious([]);
    go({ ...Object.fromEntries(filterNames.map((name) => [name, values[name]])), cursor: undefined });
  };

  const nextPage = () => {
    if (!page?.nextCursor) return;
    setPrevious((stack) => [...stack, query.cursor ?? '']);
    go({ cursor: page.nextCursor });
  };

  const previousPage = () => {
    const back = previous.at(-1);
    setPrevious((stack) => stack.slice(0, -1));
    go({ cursor: back });
  };

  const firstPage = () => {
    setPrevious([]);
    go({ cursor: undefined });
  };

  const onFirstPage = !query.cursor;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ marginBottom: 4 }}>
          {t('title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('intro')}</Typography.Text>
      </div>
      <Card>
        <CaseFilters values={query} onChange={filter} />
      </Card>
      {error ? <Alert type="error" showIcon title={t('failed')} description={error} /> : null}
      <Card styles={{ body: { padding: 0 } }}>
        <CaseTable items={page?.items ?? []} loading={loading} emptyText={onFirstPage ? t('empty') : t('noMore')} />
      </Card>
      <nav aria-label={t('pages')}>
        <Flex justify="space-between" align="center" wrap gap="small">
          <Typography.Text data-testid="case-page">
            {t('page', { page: previous.length + 1 })}
            {page ? ` · ${t('shown', { count: page.items.length })}` : ''}
          </Typography.Text>
          <Space wrap>
            {!onFirstPage && previous.length === 0 ? <Button onClick={firstPage}>{t('first')}</Button> : null}
            <Button onClick={previousPage} disabled={previous.length === 0}>
              {t('previous')}
            </Button>
            <Button type="primary" onClick={nextPage} disabled={!page?.nextCursor || loading}>
              {t('next')}
            </Button>
            <Select
              aria-label={t('pageSize')}
              value={query.limit ?? 20}
              style={{ width: 120 }}
              onChange={(limit) => {
                setPrevious([]);
                go({ limit, cursor: undefined });
              }}
              options={[...new Set([...pageSizes, query.limit ?? 20])]
                .sort((a, b) => a - b)
                .map((count) => ({ value: count, label: t('perPage', { count }) }))}
            />
          </Space>
        </Flex>
      </nav>
    </Space>
  );
};

export default CaseListPage;

/**
 * The export buttons of the statistics page, for the view shown: the statistics table by unit (Excel, CSV) and the
 * progress report (Word, Markdown) download at once; the list of cases is a job the page follows every 1.5 seconds
 * until it is done (then downloaded) or failed (its error shown). Progress and failures in antd messages, the API's
 * problem `detail` as the reason.
 */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { openLink, saveFile } from '../../common/download.ts';
import { useMessages } from '../../i18n/i18n.tsx';
import { downloadExport, type ExportJob, type FileExport, readCaseExport, requestCaseExport } from './exports.ts';
import { type StatisticsMessage, statisticsMessages } from './messages.ts';
import type { StatsView } from './view.ts';

const pollMilliseconds = 1_500;
/** A list longer than this in the making is given up on (the job itself goes on). */
const giveUpAfterMilliseconds = 10 * 60_000;

const fileExports: readonly { key: StatisticsMessage; file: FileExport; testId: string }[] = [
  { key: 'exportStats', file: { route: '/v1/stats/export', format: 'xlsx' }, testId: 'export-stats-xlsx' },
  { key: 'exportStatsCsv', file: { route: '/v1/stats/export', format: 'csv' }, testId: 'export-stats-csv' },
  { key: 'exportReport', file: { route: '/v1/reports/progress', format: 'docx' }, testId: 'export-report-docx' },
  { key: 'exportReportMd', file: { route: '/v1/reports/progress', format: 'md' }, testId: 'export-report-md' },
];

const sleep = (milliseconds: number) => new Promise((resolve) => window.setTimeout(resolve, milliseconds));
const reasonOf = (cause: unknown) => (cause instanceof Error ? cause.message : String(cause));

export const ExportButtons = ({ view }: { view?: StatsView }) => {
  const t = useMessages(statisticsMessages);
  const { message, notification } = App.useApp();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const mark = (key: string, running: boolean) =>
    setBusy((current) => {
      const next = new Set(current);
      if (running) next.add(key);
      else next.delete(key);
      return next;
    });

  const exportFile = async (key: StatisticsMessage, file: FileExport) => {
    if (!view) return;
    const name = t(key);
    mark(key, true);
    message.open({ key, type: 'loading', content: t('exporting', { name }), duration: 0 });
    try {
      saveFile(await downloadExport(view, file));
      message.open({ key, type: 'success', content: t('exported', { name }), duration: 3 });
    } catch (cause) {
      message.open({ key, type: 'error', content: t('exportFailed', { name, reason: reasonOf(cause) }), duration: 10 });
    } finally {
      mark(key, false);
    }
  };

  const statusName = (status: string) =>
    status === 'queued' || status === 'pending'
      ? t('statusQueued')
      : status === 'running' || status === 'processing'
        ? t('statusRunning')
        : status;

  const exportCases = async () => {
    if (!view) return;
    const key = 'exportCases';
    const name = t(key);
    mark(key, true);
    message.open({ key, type: 'loading', content: t('exporting', { name }), duration: 0 });
    try {
      let job: ExportJob = await requestCaseExport(view);
      message.open({
        key,
        type: 'loading',
        content: t('caseExportQueued', { status: statusName(job.status) }),
        duration: 0,
      });
      const started = Date.now();
      while (job.status !== 'done' && job.status !== 'failed') {
        if (Date.now() - started > giveUpAfterMilliseconds) throw new Error(t('caseExportTimeout'));
        await sleep(pollMilliseconds);
        if (!mounted.current) {
          message.destroy(key);
          return;
        }
        job = await readCaseExport(job.id);
        message.open({
          key,
          type: 'loading',
          content: t('caseExportProgress', { status: statusName(job.status) }),
          duration: 0,
        });
      }
      if (job.status === 'failed' || !job.downloadUrl) throw new Error(job.error ?? job.status);
      message.destroy(key);
      const url = job.downloadUrl;
      openLink(url);
      notification.success({
        key,
        title: t('caseExportDone'),
        description: (
          <a href={url} download>
            {t('caseExportDownload')}
          </a>
        ),
        duration: 0,
      });
    } catch (cause) {
      message.open({ key, type: 'error', content: t('exportFailed', { name, reason: reasonOf(cause) }), duration: 10 });
    } finally {
      mark(key, false);
    }
  };

  return (
    <Space wrap role="group" aria-label={t('exports')} data-testid="stats-exports">
      {fileExports.map(({ key, file, testId }) => (
        <Button
          key={key}
          icon={<DownloadOutlined aria-hidden />}
          disabled={!view}
          loading={busy.has(key)}
          data-testid={testId}
          onClick={() => exportFile(key, file)}
        >
          {t(key)}
        </Button>
      ))}
      <Button
        icon={<DownloadOutlined aria-hidden />}
        disabled={!view}
        loading={busy.has('exportCases')}
        data-testid="export-cases"
        onClick={exportCases}
      >
        {t('exportCases')}
      </Button>
    </Space>
  );
};

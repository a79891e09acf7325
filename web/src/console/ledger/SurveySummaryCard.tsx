/**
 * The survey figures beside the ledger (`GET /v1/surveys/summary`): for the board's unit (and the units below) and the
 * complaints closed this month, the satisfaction rate and the solved rate, each with its numerator and denominator,
 * and the surveys left out of the rate shown apart — never counted as satisfied. Only for the roles the API serves it
 * to (the page decides); read again with the ledger.
 */
import { Alert, Card, Flex, Skeleton, Typography } from 'antd';
import { useEffect, useId, useState } from 'react';
import { api } from '../../api/client.ts';
import { isProblem, problemText } from '../../api/problems.ts';
import type { SurveySummary } from '../../api/schema.gen.ts';
import { defineMessages, type Language, useI18n, useMessages } from '../../i18n/i18n.tsx';

/** The roles `GET /v1/surveys/summary` answers. */
export const surveySummaryRoles: readonly string[] = ['dispatcher', 'lead', 'supervisor', 'admin'];

const messages = defineMessages({
  zh: {
    title: '回访满意度',
    period: '{unit} · {from} 至 {to} 办结',
    satisfaction: '满意度 {percent}（{numerator}/{denominator} 有效评价）',
    noSatisfaction: '满意度 —（暂无有效评价）',
    solved: '解决率 {percent}（{numerator}/{denominator} 回答了“问题是否解决”）',
    noSolved: '解决率 —（暂无回答）',
    answers: '满意 {satisfied} · 基本满意 {basically} · 不满意 {dissatisfied}',
    excluded: '未计入满意度',
    notEvaluated: '逾期未评价',
    unreachable: '无法联系',
    invalid: '无效评价',
    noContact: '无联系方式',
    pending: '待评价',
    total: '回访共 {count} 件',
    loadFailed: '无法读取回访统计',
    formulas: '计算方法',
  },
  en: {
    title: 'Follow-up satisfaction',
    period: '{unit} · closed {from} to {to}',
    satisfaction: 'Satisfaction {percent} ({numerator}/{denominator} valid answers)',
    noSatisfaction: 'Satisfaction — (no valid answer yet)',
    solved: 'Solved {percent} ({numerator}/{denominator} answered “was it solved?”)',
    noSolved: 'Solved — (no answer yet)',
    answers: 'satisfied {satisfied} · basically satisfied {basically} · dissatisfied {dissatisfied}',
    excluded: 'Not in the rate',
    notEvaluated: 'Expired unanswered',
    unreachable: 'Unreachable',
    invalid: 'Judged invalid',
    noContact: 'No contact',
    pending: 'Awaiting an answer',
    total: '{count} surveys in all',
    loadFailed: 'Could not read the survey figures',
    formulas: 'How these are computed',
  },
});

/** The API words each formula in both languages, `中文 / English`: the part of the page's language. */
const formulaIn = (formula: string, language: Language): string => {
  const [zh, en] = formula.split(' / ');
  return (language === 'en' ? en : zh) ?? formula;
};

const excludedOrder = ['notEvaluated', 'unreachable', 'invalid', 'noContact', 'pending'] as const;

export const SurveySummaryCard = ({ unitId, readAgain }: { unitId: string; readAgain?: number }) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const heading = useId();
  const [summary, setSummary] = useState<SurveySummary>();
  const [failure, setFailure] = useState<string>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: read again whenever the ledger is (`readAgain`)
  useEffect(() => {
    if (!unitId) return;
    let live = true;
    api.GET('/v1/surveys/summary', { params: { query: { unit: unitId } } }).then(
      ({ data, error, response }) => {
        if (!live) return;
        if (data) {
          setSummary(data);
          setFailure(undefined);
        } else setFailure(isProblem(error) ? problemText(error) : String(response.status));
      },
      (cause: unknown) => live && setFailure(cause instanceof Error ? cause.message : String(cause)),
    );
    return () => {
      live = false;
    };
  }, [unitId, readAgain]);

  const shown = summary?.unitId === unitId ? summary : undefined;
  return (
    <section aria-labelledby={heading} style={{ marginBottom: 16 }} data-testid="survey-summary">
      <Card
        size="small"
        title={
          <Typography.Title level={2} id={heading} style={{ fontSize: 16, margin: 0 }}>
            {t('title')}
          </Typography.Title>
        }
        extra={
          shown && (
            <Typography.Text type="secondary">
              {t('period', { unit: shown.unitName, from: shown.from, to: shown.to })}
            </Typography.Text>
          )
        }
      >
        {failure && !shown && <Alert type="error" showIcon title={t('loadFailed')} description={failure} />}
        {!shown && !failure && <Skeleton active paragraph={{ rows: 2 }} />}
        {shown && (
          <>
            <Typography.Paragraph strong style={{ fontSize: 18, marginBottom: 4 }} data-testid="survey-satisfaction">
              {shown.satisfaction.denominator === 0
                ? t('noSatisfaction')
                : t('satisfaction', {
                    percent: shown.satisfaction.percent,
                    numerator: shown.satisfaction.numerator,
                    denominator: shown.satisfaction.denominator,
                  })}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('answers', {
                satisfied: shown.counts.satisfied,
                basically: shown.counts.basicallySatisfied,
                dissatisfied: shown.counts.dissatisfied,
              })}
            </Typography.Paragraph>
            <Typography.Paragraph data-testid="survey-solved" style={{ marginBottom: 8 }}>
              {shown.solved.denominator === 0
                ? t('noSolved')
                : t('solved', {
                    percent: shown.solved.percent,
                    numerator: shown.solved.numerator,
                    denominator: shown.solved.denominator,
                  })}
            </Typography.Paragraph>
            <Typography.Title level={3} style={{ fontSize: 14, margin: '12px 0 6px' }}>
              {t('excluded')}
            </Typography.Title>
            <Flex wrap gap="4px 16px" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {excludedOrder.map((name) => (
                <li key={name} data-testid={`survey-excluded-${name}`}>
                  {t(name)} <strong>{shown.excluded[name]}</strong>
                </li>
              ))}
            </Flex>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
              {t('total', { count: shown.counts.surveys })}
            </Typography.Paragraph>
            <details style={{ fontSize: 12, color: '#595959', marginTop: 4 }}>
              <summary>{t('formulas')}</summary>
              <div>{formulaIn(shown.satisfaction.formula, language)}</div>
              <div>{formulaIn(shown.solved.formula, language)}</div>
            </details>
          </>
        )}
      </Card>
    </section>
  );
};

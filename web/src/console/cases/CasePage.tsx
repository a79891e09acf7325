/**
 * One case (`/console/cases/:id`): number, kind, state and colour; a rectification problem's fields, plan, close-out
 * steps and look-backs, or a help plan's; the complaint and its complainant (as the API masks them for the caller's
 * role) and the problems made from it; each deadline clock; assignment, extensions and result; the follow-up surveys;
 * the full history; and a button for exactly the actions the caller may take now, each with its form.
 */
import { Alert, Button, Col, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { isProblem, problemText } from '../../api/problems.ts';
import type { Case } from '../../api/schema.gen.ts';
import { BackLink } from '../../common/BackLink.tsx';
import { ColourTag } from '../../common/ColourTag.tsx';
import { kindLabels, stateLabels } from '../../common/labels.ts';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { CaseActions } from './case/CaseActions.tsx';
import { CaseClocks } from './case/CaseClocks.tsx';
import { CaseComplaint } from './case/CaseComplaint.tsx';
import { CaseHandling } from './case/CaseHandling.tsx';
import { CaseHelpPlan } from './case/CaseHelpPlan.tsx';
import { CaseHistory } from './case/CaseHistory.tsx';
import { CaseLinkedProblems } from './case/CaseLinkedProblems.tsx';
import { CaseRectification } from './case/CaseRectification.tsx';
import { CaseSurveys } from './case/CaseSurveys.tsx';
import { usePeople, useUnits } from './case/directory.ts';
import { fetchSystemNow } from './case/format.ts';
import { caseMessages } from './case/messages.ts';

/** Marks a failure to read the case as "no such case (in your scope)", named in the current language. */
const notFound = '#not-found';

const CasePage = () => {
  const t = useMessages(caseMessages);
  const { language } = useI18n();
  const { id = '' } = useParams();
  const directory = useUnits();
  const people = usePeople();
  const [kase, setCase] = useState<Case>();
  const [failure, setFailure] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [now, setNow] = useState(Date.now);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const [{ data, error, response }, systemNow] = await Promise.all([
        api.GET('/v1/cases/{id}', { params: { path: { id } } }),
        fetchSystemNow(),
      ]);
      setNow(systemNow);
      if (data) {
        setCase(data);
        setFailure(undefined);
      } else {
        setFailure(
          response.status === 404 ? notFound : isProblem(error) ? problemText(error) : String(response.status),
        );
      }
    } catch (cause) {
      setFailure(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setLoading(false);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const back = <BackLink to="/console/cases" label={t('back')} />;

  if (!kase) {
    return (
      <>
        {back}
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('pageTitle')}
        </Typography.Title>
        {failure ? (
          <Alert
            type="error"
            showIcon
            title={t('loadFailed')}
            description={failure === notFound ? t('notFound') : failure}
            action={<Button onClick={() => void load()}>{t('retry')}</Button>}
          />
        ) : (
          <Skeleton active={loading} />
        )}
      </>
    );
  }

  const missingYears = kase.calendarMissingYears ?? [];
  return (
    <div data-testid="case-page" data-state={kase.state} data-version={kase.version}>
      {back}
      <Space align="center" wrap style={{ marginTop: 8, marginBottom: 8 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {kase.number}
        </Typography.Title>
        <Tag>{kindLabels[kase.kind][language]}</Tag>
        <Tag color="#16803c" data-testid="case-state">
          {stateLabels[kase.state][language]}
        </Tag>
        {kase.colour && (
          <span data-testid="case-colour">
            <ColourTag colour={kase.colour} />
          </span>
        )}
        {kase.late && <Tag color="#c62828">{t('late')}</Tag>}
        {kase.complaint?.urgency === 'urgent' && <Tag color="#b3261e">{t('urgent')}</Tag>}
      </Space>
      {failure && (
        <Alert
          type="error"
          showIcon
          title={failure === notFound ? t('notFound') : failure}
          style={{ marginBottom: 16 }}
        />
      )}
      {missingYears.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('calendarMissing', { years: missingYears.join('、') })}
        />
      )}
      {directory.error && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('directoryFailed', { detail: directory.error })}
        />
      )}
      <CaseActions kase={kase} directory={directory} now={now} onChanged={() => void load()} />
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <CaseRectification kase={kase} people={people} />
          <CaseHelpPlan kase={kase} />
          <CaseComplaint kase={kase} directory={directory} people={people} />
          <CaseLinkedProblems kase={kase} />
          <CaseClocks kase={kase} now={now} />
          <CaseHandling kase={kase} directory={directory} people={people} />
          <CaseSurveys kase={kase} people={people} />
        </Col>
        <Col xs={24} lg={9}>
          <CaseHistory history={kase.history ?? []} people={people} />
        </Col>
      </Row>
    </div>
  );
};

export default CasePage;

/**
 * An enterprise's profile (`/console/enterprises/:uscc`, `GET /v1/enterprises/{uscc}`): its fields, its overall grade
 * (the lowest of its industries', 短板原则) and each industry's, the grade history as a timeline, and its assessments
 * (`GET /v1/grading/assessments?uscc=`), earlier results readable; handlers and administrators start a new assessment
 * under a scheme in force. Grades made under the example scheme carry its label. Beside the grades: the help plan while
 * graded D, the re-grading flag as a warning, the substantiated violations, and the positive-list status with its
 * history and any bar ({@link EnterpriseStanding}); the grade steps that opened or closed a help plan link its case.
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Col,
  Descriptions,
  Empty,
  Form,
  Modal,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { isProblem, problemText } from '../../api/problems.ts';
import type { Assessment, Enterprise, GradingScheme } from '../../api/schema.gen.ts';
import { useSession } from '../../auth/session.ts';
import { RecordLoading } from '../../common/RecordLoading.tsx';
import { Section } from '../../common/Section.tsx';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { usePeople } from '../cases/case/directory.ts';
import { formatInstant } from '../cases/case/format.ts';
import {
  ExampleSchemeTag,
  exampleLabel,
  GradeTag,
  gradeColours,
  gradeLabels,
  positiveListLabels,
  statusColours,
  statusLabels,
  ungradedLabel,
} from '../grading/labels.tsx';
import { readFailure } from '../statistics/problem.ts';
import {
  EnterpriseCasesSection,
  HelpPlanAlert,
  PositiveListSection,
  RegradeAlert,
  ViolationsSection,
} from './EnterpriseStanding.tsx';
import { enterpriseMessages } from './messages.ts';

export const assessmentPreparers = ['handler', 'admin'];

const EnterprisePage = () => {
  const t = useMessages(enterpriseMessages);
  const { language } = useI18n();
  const { uscc = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const people = usePeople();
  const [enterprise, setEnterprise] = useState<Enterprise>();
  const [assessments, setAssessments] = useState<Assessment[]>();
  const [failure, setFailure] = useState<string>();
  const [schemes, setSchemes] = useState<GradingScheme[]>();
  const [choosing, setChoosing] = useState(false);
  const [industry, setIndustry] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [createFailure, setCreateFailure] = useState<string>();
  const canPrepare = assessmentPreparers.some((role) => session?.user.roles.includes(role));

  const load = useCallback(async () => {
    const [found, listed] = await Promise.all([
      api.GET('/v1/enterprises/{uscc}', { params: { path: { uscc } } }),
      api.GET('/v1/grading/assessments', { params: { query: { uscc, limit: 100 } } }),
    ]);
    if (found.data) {
      setEnterprise(found.data);
      setFailure(undefined);
    } else setFailure(readFailure(found.error, found.response));
    setAssessments(listed.data?.items ?? []);
  }, [uscc]);
  useEffect(() => {
    void load();
  }, [load]);

  const openNew = async () => {
    setChoosing(true);
    setCreateFailure(undefined);
    if (!schemes) {
      const { data } = await api.GET('/v1/grading/schemes');
      setSchemes(data ?? []);
      setIndustry(data?.[0]?.industry);
    }
  };

  const createDraft = async () => {
    if (!industry) return;
    setCreating(true);
    try {
      const { data, error, response } = await api.POST('/v1/grading/assessments', {
        body: { uscc, industry, values: [], attachments: [] },
      });
      if (data) navigate(`/console/grading/assessments/${data.id}`);
      else setCreateFailure(isProblem(error) ? problemText(error) : `${response.status}`);
    } finally {
      setCreating(false);
    }
  };

  const back = (
    <div>
      <Link to="/console/enterprises">← {t('back')}</Link>
    </div>
  );
  if (!enterprise) {
    return (
      <>
        {back}
        <RecordLoading
          failure={failure}
          onRetry={() => void load()}
          texts={{ loadFailed: t('loadFailed'), notFound: t('profileNotFound'), retry: t('retry') }}
          style={{ marginTop: 16 }}
        />
      </>
    );
  }

  const exampleAssessments = new Set((assessments ?? []).filter((item) => item.schemeExample).map((item) => item.id));
  const yesNo = (value: boolean) => (value ? t('yes') : t('no'));
  const history = [...enterprise.gradeHistory].reverse();

  return (
    <div data-testid="enterprise-page" data-uscc={enterprise.uscc}>
      {back}
      <Space align="center" wrap style={{ marginTop: 8, marginBottom: 4 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {enterprise.name}
        </Typography.Title>
        <span data-testid="enterprise-grade">
          <GradeTag grade={enterprise.grade} large />
        </span>
        {enterprise.industryGrades.some((entry) => exampleAssessments.has(entry.assessmentId)) && <ExampleSchemeTag />}
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontFamily: 'monospace' }}>
        {t('uscc')} {enterprise.uscc}
      </Typography.Paragraph>
      {enterprise.regrade && <RegradeAlert regrade={enterprise.regrade} />}
      {enterprise.helpPlan && <HelpPlanAlert plan={enterprise.helpPlan} />}

      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Section title={t('details')}>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'industries',
                  label: t('industries'),
                  children: enterprise.industries.map((item) => `${item.label}（${item.code}）`).join('；'),
                },
                { key: 'address', label: t('address'), children: enterprise.address },
                { key: 'town', label: t('town'), children: enterprise.town },
                {
                  key: 'contacts',
                  label: t('contacts'),
                  children:
                    enterprise.contacts.length > 0
                      ? enterprise.contacts
                          .map((contact) => [contact.name, contact.title, contact.phone].filter(Boolean).join(' '))
                          .join('；')
                      : '—',
                },
                { key: 'keyPolluter', label: t('keyPolluter'), children: yesNo(enterprise.keyPolluter) },
                { key: 'vocs', label: t('vocs'), children: yesNo(enterprise.vocs) },
                {
                  key: 'positiveList',
                  label: t('positiveList'),
                  children: positiveListLabels[enterprise.positiveList][language],
                },
                {
                  key: 'registered',
                  label: t('registeredBy'),
                  children: `${people(enterprise.createdBy)} · ${formatInstant(enterprise.createdAt)}`,
                },
              ]}
            />
          </Section>
          <Section title={t('grades')}>
            <Typography.Paragraph>
              {t('overallGrade')}：<GradeTag grade={enterprise.grade} />
              <Typography.Text type="secondary">{t('overallHelp')}</Typography.Text>
            </Typography.Paragraph>
            {enterprise.industryGrades.length > 0 ? (
              <Table
                size="small"
                rowKey="industry"
                pagination={false}
                dataSource={enterprise.industryGrades}
                columns={[
                  { key: 'industry', title: t('industries'), dataIndex: 'industryName' },
                  { key: 'grade', title: t('grade'), render: (_, entry) => <GradeTag grade={entry.grade} /> },
                  {
                    key: 'scheme',
                    title: t('scheme'),
                    render: (_, entry) => (
                      <Space size={4} wrap>
                        {t('schemeVersion', { version: entry.schemeVersion })}
                        {exampleAssessments.has(entry.assessmentId) && <ExampleSchemeTag />}
                      </Space>
                    ),
                  },
                  {
                    key: 'published',
                    title: t('publishedGrade'),
                    render: (_, entry) => (
                      <Link to={`/console/grading/assessments/${entry.assessmentId}`}>
                        {t('publishedAt', { at: formatInstant(entry.publishedAt) })}
                      </Link>
                    ),
                  },
                ]}
              />
            ) : null}
          </Section>
          <ViolationsSection violations={enterprise.violations ?? []} />
          <EnterpriseCasesSection uscc={enterprise.uscc} />
        </Col>
        <Col xs={24} lg={10}>
          <Section title={t('history')} testId="grade-history">
            {history.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noHistory')} />
            ) : (
              <Timeline
                items={history.map((step, index) => ({
                  key: `${step.at}-${index}`,
                  color: step.grade ? gradeColours[step.grade] : 'gray',
                  title: formatInstant(step.at),
                  content: (
                    <div data-testid="grade-step" data-grade={step.grade ?? 'none'}>
                      {step.source === 'register' ? (
                        t('historyRegister', {
                          grade: step.grade ? gradeLabels[step.grade][language] : ungradedLabel[language],
                        })
                      ) : (
                        <>
                          {t('historyAssessment', {
                            industry: step.industryName ?? step.industry ?? '',
                            industryGrade: step.industryGrade ? gradeLabels[step.industryGrade][language] : '',
                            change: `${step.previousGrade ? `${gradeLabels[step.previousGrade][language]} → ` : ''}${step.grade ? gradeLabels[step.grade][language] : ''}`,
                          })}
                          {step.assessmentId && (
                            <>
                              {' '}
                              <Link to={`/console/grading/assessments/${step.assessmentId}`}>
                                {t('openAssessment')}
                              </Link>
                              {exampleAssessments.has(step.assessmentId) && (
                                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                                  {exampleLabel[language]}
                                </Typography.Text>
                              )}
                            </>
                          )}
                        </>
                      )}
                      {step.helpPlanOpened && (
                        <Typography.Text style={{ display: 'block' }} data-testid="grade-step-help-plan">
                          {t('historyHelpPlanOpened')}{' '}
                          <Link to={`/console/cases/${encodeURIComponent(step.helpPlanOpened)}`}>{t('openCase')}</Link>
                        </Typography.Text>
                      )}
                      {step.helpPlanClosed && (
                        <Typography.Text style={{ display: 'block' }} data-testid="grade-step-help-plan">
                          {t('historyHelpPlanClosed')}{' '}
                          <Link to={`/console/cases/${encodeURIComponent(step.helpPlanClosed)}`}>{t('openCase')}</Link>
                        </Typography.Text>
                      )}
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {people(step.by)}
                      </Typography.Text>
                    </div>
                  ),
                }))}
              />
            )}
          </Section>
          <PositiveListSection enterprise={enterprise} people={people} />
        </Col>
      </Row>

      <Section
        title={t('assessments')}
        testId="enterprise-assessments"
        extra={
          canPrepare && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => void openNew()}>
              {t('newAssessment')}
            </Button>
          )
        }
      >
        <Table<Assessment>
          size="small"
          rowKey="id"
          loading={assessments === undefined}
          dataSource={assessments ?? []}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: <Typography.Text type="secondary">{t('noAssessments')}</Typography.Text> }}
          columns={[
            {
              key: 'industry',
              title: t('industries'),
              render: (_, item) => (
                <Space size={4} wrap>
                  <Link to={`/console/grading/assessments/${item.id}`}>{item.industryName}</Link>
                  {item.schemeExample && <ExampleSchemeTag />}
                </Space>
              ),
            },
            {
              key: 'status',
              title: t('status'),
              render: (_, item) => <Tag color={statusColours[item.status]}>{statusLabels[item.status][language]}</Tag>,
            },
            { key: 'computed', title: t('computedGrade'), render: (_, item) => <GradeTag grade={item.result.grade} /> },
            {
              key: 'published',
              title: t('publishedGrade'),
              render: (_, item) => (item.publishedGrade ? <GradeTag grade={item.publishedGrade} /> : '—'),
            },
            { key: 'updated', title: t('updatedAt'), render: (_, item) => formatInstant(item.updatedAt) },
          ]}
        />
      </Section>

      <Modal
        open={choosing}
        title={t('newAssessmentTitle')}
        okText={t('createDraft')}
        okButtonProps={{ disabled: !industry }}
        confirmLoading={creating}
        onOk={() => void createDraft()}
        onCancel={() => setChoosing(false)}
      >
        <Form layout="vertical">
          <Form.Item label={t('scheme')} htmlFor="assessment-scheme">
            <Select
              id="assessment-scheme"
              loading={schemes === undefined}
              value={industry}
              onChange={setIndustry}
              options={(schemes ?? []).map((scheme) => ({
                value: scheme.industry,
                label: `${scheme.industryName} · ${scheme.name}（${t('schemeVersion', { version: scheme.version })}）${scheme.example ? ` · ${exampleLabel[language]}` : ''}`,
              }))}
            />
          </Form.Item>
        </Form>
        {schemes?.find((scheme) => scheme.industry === industry)?.example && <ExampleSchemeTag />}
        {createFailure && <Alert type="error" showIcon role="alert" title={createFailure} style={{ marginTop: 12 }} />}
      </Modal>
    </div>
  );
};

export default EnterprisePage;

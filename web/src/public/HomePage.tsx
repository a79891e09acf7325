/** The public home page: what the bureau takes reports of, how to reach it, and the two things the public comes for. */
import { FileSearchOutlined, FormOutlined, PhoneOutlined } from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { defineMessages, useMessages } from '../i18n/i18n.tsx';

const messages = defineMessages({
  zh: {
    title: '生态环境信访投诉',
    welcome:
      '发现大气、水、噪声、固体废物、土壤、辐射污染或生态破坏等问题，可以在这里向生态环境局投诉举报。信访办收到后依法在规定时限内决定是否受理，交由承办部门调查处理，并答复办理结果。',
    hotline:
      '也可以拨打 12345 政务服务便民热线或 12369 环保举报热线反映。情况紧急（如正在发生的偷排、泄漏、火灾）请直接拨打电话。',
    submitTitle: '我要投诉',
    submitText: '填写问题发生的地点、涉及的企业和情况说明，可上传照片。提交后会得到查询码和查询密码。',
    trackTitle: '查询进度',
    trackText: '凭提交投诉时得到的查询码和查询密码，查看受理、办理进度和答复。',
    privacy: '您可以匿名投诉，也可以要求对身份保密：您的个人信息仅用于办理本件，依法保密。',
  },
  en: {
    title: 'Environmental complaints',
    welcome:
      'Report air, water, noise, solid waste, soil or radiation pollution, or damage to the environment, to the ecology and environment bureau here. The petition office decides within the legal time limit whether to accept it, a department investigates, and you are told the result.',
    hotline:
      'You can also call the 12345 government service hotline or the 12369 environmental hotline. In an emergency (a discharge, leak or fire happening now), please call.',
    submitTitle: 'Report a problem',
    submitText:
      'Tell us where it happens, which enterprise is involved and what you saw; photos welcome. You get a tracking code and secret.',
    trackTitle: 'Track progress',
    trackText:
      'With the tracking code and secret you were given, see whether your report was accepted, its progress and the reply.',
    privacy:
      'You may report anonymously or ask that your identity be kept confidential: your personal data is used only for your case and protected by law.',
  },
});

const EntryCard = ({ to, icon, title, text }: { to: string; icon: ReactNode; title: string; text: string }) => (
  <Link to={to} className="gl-entry-card" style={{ display: 'block', height: '100%' }}>
    <Card hoverable style={{ height: '100%', borderColor: '#16803c' }} styles={{ body: { padding: 28 } }}>
      <div aria-hidden style={{ fontSize: 40, color: '#16803c', lineHeight: 1 }}>
        {icon}
      </div>
      <Typography.Title level={2} style={{ marginTop: 16, color: '#0f5f2c' }}>
        {title}
      </Typography.Title>
      <Typography.Paragraph style={{ marginBottom: 0 }}>{text}</Typography.Paragraph>
    </Card>
  </Link>
);

const HomePage = () => {
  const t = useMessages(messages);
  return (
    <main className="gl-narrow">
      <Typography.Title level={1}>{t('title')}</Typography.Title>
      <Typography.Paragraph style={{ fontSize: 16 }}>{t('welcome')}</Typography.Paragraph>
      <Row gutter={[24, 24]} style={{ marginTop: 24, marginBottom: 24 }}>
        <Col xs={24} sm={12}>
          <EntryCard to="/complaint" icon={<FormOutlined />} title={t('submitTitle')} text={t('submitText')} />
        </Col>
        <Col xs={24} sm={12}>
          <EntryCard to="/track" icon={<FileSearchOutlined />} title={t('trackTitle')} text={t('trackText')} />
        </Col>
      </Row>
      <Typography.Paragraph>
        <PhoneOutlined aria-hidden style={{ color: '#16803c', marginRight: 8 }} />
        {t('hotline')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('privacy')}</Typography.Paragraph>
    </main>
  );
};

export default HomePage;

/**
 * Registering an enterprise (`/console/enterprises/new`, `POST /v1/enterprises`; petition office and administrators):
 * its USCC, name, industries, place, contacts, flags and any grade held before. The API checks the code against its
 * check character (GB 32100-2015) and every field; each error it names shows under its field, a code registered
 * already (409) under the code with a link to that firm. Registered, the profile opens.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { isProblem, problemText, showFieldErrors } from '../../api/problems.ts';
import type { NewEnterprise } from '../../api/schema.gen.ts';
import { PageHeading } from '../../common/PageHeading.tsx';
import { useI18n, useMessages } from '../../i18n/i18n.tsx';
import { gradeLabels, gradeOrder, positiveListLabels } from '../grading/labels.tsx';
import { type EnterpriseMessage, enterpriseMessages } from './messages.ts';

interface RegisterValues {
  uscc: string;
  name: string;
  industries: { code?: string; label?: string }[];
  address: string;
  town: string;
  contacts?: { name?: string; phone?: string; title?: string }[];
  keyPolluter?: boolean;
  vocs?: boolean;
  positiveList: NewEnterprise['positiveList'];
  grade?: NewEnterprise['grade'];
}

const fieldNames = [
  'uscc',
  'name',
  'industries',
  'address',
  'town',
  'contacts',
  'keyPolluter',
  'vocs',
  'positiveList',
  'grade',
];

const trimmed = (value: string | undefined) => value?.trim() || undefined;

const EnterpriseRegisterPage = () => {
  const t = useMessages(enterpriseMessages);
  const { language } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<RegisterValues>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string[]>([]);
  const [existing, setExisting] = useState<string>();

  const required = (field: EnterpriseMessage) => [
    { required: true, whitespace: true, message: t('required', { field: t(field) }) },
  ];

  const submit = async (values: RegisterValues) => {
    setFailure([]);
    setExisting(undefined);
    const uscc = values.uscc.trim().toUpperCase();
    const body: NewEnterprise = {
      uscc,
      name: values.name.trim(),
      industries: values.industries.map((industry) => ({
        code: industry.code?.trim() ?? '',
        label: industry.label?.trim() ?? '',
      })) as NewEnterprise['industries'],
      address: values.address.trim(),
      town: values.town.trim(),
      contacts: (values.contacts ?? [])
        .filter((contact) => trimmed(contact.name))
        .map((contact) => ({
          name: contact.name?.trim() ?? '',
          ...(trimmed(contact.phone) ? { phone: trimmed(contact.phone) } : {}),
          ...(trimmed(contact.title) ? { title: trimmed(contact.title) } : {}),
        })) as NewEnterprise['contacts'],
      keyPolluter: values.keyPolluter ?? false,
      vocs: values.vocs ?? false,
      positiveList: values.positiveList,
      ...(values.grade ? { grade: values.grade } : {}),
    };
    setBusy(true);
    try {
      const { data, error, response } = await api.POST('/v1/enterprises', { body });
      if (data) {
        navigate(`/console/enterprises/${data.uscc}`, { state: { registered: true } });
        return;
      }
      if (response.status === 409) {
        form.setFields([{ name: ['uscc'], errors: [isProblem(error) ? problemText(error) : t('alreadyRegistered')] }]);
        setExisting(uscc);
      } else if (isProblem(error)) {
        const loose = showFieldErrors(form, error, fieldNames);
        if (loose.length > 0 || (error.errors ?? []).length === 0) setFailure([problemText(error), ...loose]);
      } else setFailure([`${response.status} ${response.statusText}`]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading
        back="/console/enterprises"
        backLabel={t('back')}
        title={t('registerTitle')}
        intro={t('registerIntro')}
      />
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        aria-label={t('registerTitle')}
        initialValues={{ industries: [{}], contacts: [], positiveList: 'not-listed' }}
        onFinish={submit}
        scrollToFirstError
      >
        <Card title={t('basics')} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item
                name="uscc"
                label={t('uscc')}
                rules={required('uscc')}
                extra={existing && <Link to={`/console/enterprises/${existing}`}>{t('openExisting')}</Link>}
              >
                <Input maxLength={18} style={{ fontFamily: 'monospace' }} placeholder="91350100M000100Y43" />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              <Form.Item name="name" label={t('name')} rules={required('name')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name="address" label={t('address')} rules={required('address')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="town" label={t('town')} rules={required('town')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card title={t('industries')} size="small" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">{t('industriesHelp')}</Typography.Paragraph>
          <Form.List name="industries">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Row key={field.key} gutter={12}>
                    <Col xs={10} md={6}>
                      <Form.Item name={[field.name, 'code']} label={t('industryCode')} rules={required('industryCode')}>
                        <Input maxLength={5} placeholder="C3360" />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={14}>
                      <Form.Item
                        name={[field.name, 'label']}
                        label={t('industryLabel')}
                        rules={required('industryLabel')}
                      >
                        <Input maxLength={50} placeholder="金属表面处理及热处理加工" />
                      </Form.Item>
                    </Col>
                    <Col xs={2} md={4} style={{ paddingTop: 30 }}>
                      <Button
                        aria-label={t('removeIndustry')}
                        icon={<DeleteOutlined aria-hidden />}
                        disabled={fields.length <= 1}
                        onClick={() => remove(field.name)}
                      />
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined aria-hidden />} disabled={fields.length >= 5} onClick={() => add({})}>
                  {t('addIndustry')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card title={t('contacts')} size="small" style={{ marginBottom: 16 }}>
          <Form.List name="contacts">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Row key={field.key} gutter={12}>
                    <Col xs={12} md={6}>
                      <Form.Item name={[field.name, 'name']} label={t('contactName')} rules={required('contactName')}>
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={8}>
                      <Form.Item name={[field.name, 'phone']} label={t('contactPhone')}>
                        <Input maxLength={20} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={6}>
                      <Form.Item name={[field.name, 'title']} label={t('contactTitle')}>
                        <Input maxLength={50} />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={4} style={{ paddingTop: 30 }}>
                      <Button
                        aria-label={t('removeContact')}
                        icon={<DeleteOutlined aria-hidden />}
                        onClick={() => remove(field.name)}
                      />
                    </Col>
                  </Row>
                ))}
                <Button icon={<PlusOutlined aria-hidden />} disabled={fields.length >= 5} onClick={() => add({})}>
                  {t('addContact')}
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card title={t('flags')} size="small" style={{ marginBottom: 16 }}>
          <Space wrap size="large" align="start">
            <Form.Item name="keyPolluter" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox>{t('keyPolluter')}</Checkbox>
            </Form.Item>
            <Form.Item name="vocs" valuePropName="checked" style={{ marginBottom: 0 }}>
              <Checkbox>{t('vocs')}</Checkbox>
            </Form.Item>
            <Form.Item name="positiveList" label={t('positiveList')} style={{ marginBottom: 0 }}>
              <Select
                style={{ width: 200 }}
                options={(['not-listed', 'listed', 'removed'] as const).map((value) => ({
                  value,
                  label: positiveListLabels[value][language],
                }))}
              />
            </Form.Item>
            <Form.Item
              name="grade"
              label={t('existingGrade')}
              extra={t('existingGradeHelp')}
              style={{ marginBottom: 0 }}
            >
              <Select
                style={{ width: 200 }}
                allowClear
                options={gradeOrder.map((grade) => ({ value: grade, label: gradeLabels[grade][language] }))}
              />
            </Form.Item>
          </Space>
        </Card>

        {failure.length > 0 && (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t('failedRegister')}
            description={failure.join('；')}
          />
        )}
        <Button type="primary" htmlType="submit" size="large" loading={busy}>
          {t('submitRegister')}
        </Button>
      </Form>
    </>
  );
};

export default EnterpriseRegisterPage;

/**
 * The assignment pickers: a department in the caller's scope (`GET /v1/directory/units`), its handlers as the
 * responsible person and a lead official on the department's path (`GET /v1/directory/users`).
 */
import { Form, type FormInstance, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { Colleague } from '../../../api/schema.gen.ts';
import { useSession } from '../../../auth/session.ts';
import { useMessages } from '../../../i18n/i18n.tsx';
import { type Directory, loadUsers } from './directory.ts';
import { caseMessages } from './messages.ts';

const personOption = (user: Colleague) => ({ value: user.username, label: `${user.displayName} · ${user.username}` });

export const AssignFields = ({ form, directory }: { form: FormInstance; directory: Directory }) => {
  const t = useMessages(caseMessages);
  const token = useSession()?.token ?? '';
  const departmentId = Form.useWatch<string | undefined>('departmentId', form);
  const [handlers, setHandlers] = useState<Colleague[]>([]);
  const [leads, setLeads] = useState<Colleague[]>([]);
  const [loading, setLoading] = useState(false);
  const department = directory.units.find((unit) => unit.id === departmentId);

  useEffect(() => {
    setHandlers([]);
    setLeads([]);
    if (!department) return;
    let live = true;
    setLoading(true);
    Promise.all([loadUsers(token, department.id, 'handler'), loadUsers(token, undefined, 'lead')])
      .then(([departmentHandlers, allLeads]) => {
        if (!live) return;
        setHandlers(departmentHandlers);
        setLeads(allLeads.filter((lead) => department.path.includes(lead.unitId)));
      })
      .catch(() => undefined)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [token, department]);

  const departments = directory.units
    .filter((unit) => unit.kind === 'department')
    .map((unit) => ({ value: unit.id, label: directory.unitLabel(unit.id) }));
  const required = [{ required: true, message: t('required') }];
  return (
    <>
      <Form.Item name="departmentId" label={t('fieldDepartment')} rules={required}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={departments}
          loading={directory.units.length === 0 && !directory.error}
          onChange={() => form.setFieldsValue({ responsibleUsername: undefined, leadUsername: undefined })}
        />
      </Form.Item>
      <Form.Item
        name="responsibleUsername"
        label={t('fieldResponsible')}
        rules={required}
        extra={department ? undefined : t('pickDepartmentFirst')}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={handlers.map(personOption)}
          loading={loading}
          disabled={!department}
        />
      </Form.Item>
      <Form.Item name="leadUsername" label={t('fieldLead')} rules={required}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={leads.map(personOption)}
          loading={loading}
          disabled={!department}
        />
      </Form.Item>
    </>
  );
};

/**
 * The assignment pickers: a department in the caller's scope (`GET /v1/directory/units`), its handlers as the
 * responsible person and a lead official on the department's path (`GET /v1/directory/users`). A rectification
 * problem names them with its own words (责任单位, 责任人, 责任领导) and may leave both people for later.
 */
import { Form, type FormInstance, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { Colleague } from '../../../api/schema.gen.ts';
import { useSession } from '../../../auth/session.ts';
import { useMessages } from '../../../i18n/i18n.tsx';
import { type Directory, loadUsers } from './directory.ts';
import { caseMessages } from './messages.ts';

const personOption = (user: Colleague) => ({ value: user.username, label: `${user.displayName} · ${user.username}` });

export const AssignFields = ({
  form,
  directory,
  labels,
  peopleOptional = false,
}: {
  form: FormInstance;
  directory: Directory;
  /** The fields' labels, when not the case page's (承办科室, 责任人（承办人）, 包案领导). */
  labels?: { readonly department: string; readonly responsible: string; readonly lead: string };
  /** Whether both people may be left empty (the form checks that both or neither are given). */
  peopleOptional?: boolean;
}) => {
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
  const people = peopleOptional ? [] : required;
  return (
    <>
      <Form.Item name="departmentId" label={labels?.department ?? t('fieldDepartment')} rules={required}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={departments}
          loading={directory.units.length === 0 && !directory.error}
          onChange={() => form.setFieldsValue({ responsibleUsername: undefined, leadUsername: undefined })}
        />
      </Form.Item>
      <Form.Item
        name="responsibleUsername"
        label={labels?.responsible ?? t('fieldResponsible')}
        rules={people}
        extra={department ? undefined : t('pickDepartmentFirst')}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={handlers.map(personOption)}
          loading={loading}
          disabled={!department}
          allowClear={peopleOptional}
        />
      </Form.Item>
      <Form.Item name="leadUsername" label={labels?.lead ?? t('fieldLead')} rules={people}>
        <Select
          allowClear={peopleOptional}
          showSearch={{ optionFilterProp: 'label' }}
          options={leads.map(personOption)}
          loading={loading}
          disabled={!department}
        />
      </Form.Item>
    </>
  );
};

import { Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { type FormProblem, FormProblemAlert } from './FormProblem.tsx';

/**
 * A dialog of one form, mounted for each opening: OK validates the form and hands its values to `onSubmit`; the
 * request's problem shows above the fields (`failed：…`). A click beside the dialog does not close it, which would
 * lose what was typed.
 */
export const FormModal = <Values extends object>({
  form,
  name,
  testId,
  initialValues,
  title,
  okText,
  cancelText,
  busy,
  problem,
  failed,
  onSubmit,
  onClose,
  children,
}: {
  form: FormInstance<Values>;
  name: string;
  testId: string;
  initialValues: Partial<Values>;
  title: string;
  okText: string;
  cancelText: string;
  busy: boolean;
  problem: FormProblem | undefined;
  failed: string;
  onSubmit: (values: Values) => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) => (
  <Modal
    open
    title={title}
    okText={okText}
    cancelText={cancelText}
    confirmLoading={busy}
    onOk={() => void form.validateFields().then(onSubmit, () => undefined)}
    onCancel={onClose}
    destroyOnHidden
    mask={{ closable: false }}
  >
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark
      name={name}
      data-testid={testId}
      initialValues={initialValues}
    >
      <FormProblemAlert failed={failed} problem={problem} />
      {children}
    </Form>
  </Modal>
);

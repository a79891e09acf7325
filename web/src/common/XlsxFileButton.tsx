import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { defineMessages, useMessages } from '../i18n/i18n.tsx';
import { fileAsBase64, xlsxType } from './files.ts';

const messages = defineMessages({
  zh: { chooseFile: '选择 .xlsx 文件' },
  en: { chooseFile: 'Choose an .xlsx file' },
});

/** An .xlsx file the user picked, read as the API takes uploads of tables. */
export interface PickedXlsx {
  readonly name: string;
  readonly base64: string;
}

/** A button to pick one .xlsx file: the file is read here, not uploaded; the page sends it with its request. */
export const XlsxFileButton = ({ onPick }: { onPick: (file: PickedXlsx) => void }) => {
  const t = useMessages(messages);
  return (
    <Upload
      accept={`.xlsx,${xlsxType}`}
      maxCount={1}
      showUploadList={false}
      beforeUpload={async (picked) => {
        onPick({ name: picked.name, base64: await fileAsBase64(picked) });
        return false;
      }}
    >
      <Button icon={<UploadOutlined aria-hidden />}>{t('chooseFile')}</Button>
    </Upload>
  );
};

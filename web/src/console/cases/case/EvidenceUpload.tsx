/**
 * Files an official attaches to an action (a problem's evidence of the fix), uploaded as soon as they are picked, by
 * the flow the public form's photos take (`POST /v1/attachments`, with the official's token, gives the presigned URL);
 * the action then refers to each attachment's id (`uploadedAttachments`).
 */
import { api } from '../../../api/client.ts';
import {
  type AttachmentFieldProps,
  AttachmentUpload,
  uploadContentTypes,
  uploadTypesByExtension,
} from '../../../common/AttachmentUpload.tsx';
import { defineMessages, useMessages } from '../../../i18n/i18n.tsx';

const messages = defineMessages({
  zh: {
    pick: '选择文件（照片、PDF 等）',
    badType: '不支持此文件类型：请上传 JPEG、PNG、WebP、HEIC 照片，PDF 文件，MP3、M4A、AMR、WAV 录音或 MP4 视频',
  },
  en: {
    pick: 'Choose files (photos, PDF …)',
    badType: 'File type not supported: JPEG, PNG, WebP, HEIC photos, PDF, MP3, M4A, AMR, WAV recordings or MP4 video',
  },
});

/** The most files an action takes (the API's limit for evidence). */
export const maxEvidenceFiles = 20;

const accept = [...uploadContentTypes, ...Object.keys(uploadTypesByExtension).map((extension) => `.${extension}`)].join(
  ',',
);

/** Controlled by antd Form (`valuePropName="fileList"`): `fileList`/`onChange` are the file list. */
export const EvidenceUpload = ({ fileList, onChange, id }: AttachmentFieldProps) => {
  const t = useMessages(messages);
  return (
    <AttachmentUpload
      fileList={fileList}
      onChange={onChange}
      id={id}
      listType="text"
      maxCount={maxEvidenceFiles}
      accept={accept}
      pickLabel={t('pick')}
      badTypeText={t('badType')}
      requestTicket={(body) => api.POST('/v1/attachments', { body })}
    />
  );
};

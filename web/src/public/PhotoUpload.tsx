/**
 * Photos (and recordings) for a public complaint, uploaded as soon as they are picked through a presigned URL that
 * `POST /v1/public/attachments` gives; the complaint then refers to each attachment's id ({@link attachmentRefs}).
 */
import { api } from '../api/client.ts';
import type { NewPublicComplaint } from '../api/schema.gen.ts';
import {
  type AttachmentFieldProps,
  AttachmentUpload,
  uploadContentTypes,
  uploadedAttachments,
} from '../common/AttachmentUpload.tsx';
import { defineMessages, useI18n, useMessages } from '../i18n/i18n.tsx';
import { formatWait, retryAfterSeconds } from './format.ts';

const messages = defineMessages({
  zh: {
    pick: '选择照片或录音',
    badType: '不支持此文件类型：请上传 JPEG、PNG、WebP、HEIC 照片，MP3、M4A、AMR、WAV 录音，MP4 视频或 PDF',
    tooMany: '上传过于频繁，请 {wait}后再试',
  },
  en: {
    pick: 'Choose photos or recordings',
    badType: 'File type not supported: JPEG, PNG, WebP, HEIC photos, MP3, M4A, AMR, WAV recordings, MP4 video or PDF',
    tooMany: 'Too many uploads; please try again in {wait}',
  },
});

export const maxFiles = 10;

/** The uploaded files of the field's value as the complaint refers to them. */
export const attachmentRefs = (files: Parameters<typeof uploadedAttachments>[0]): NewPublicComplaint['attachments'] =>
  uploadedAttachments(files) as NonNullable<NewPublicComplaint['attachments']>;

/** Controlled by antd Form (`valuePropName="fileList"`): `value`/`onChange` are the file list. */
export const PhotoUpload = ({ fileList, onChange, id }: AttachmentFieldProps) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  /** A rate-limited ticket says how long to wait. */
  const refusal = (response: Response) => {
    const wait = response.status === 429 ? retryAfterSeconds(response) : undefined;
    return wait ? t('tooMany', { wait: formatWait(wait, language) }) : undefined;
  };
  return (
    <AttachmentUpload
      fileList={fileList}
      onChange={onChange}
      id={id}
      listType="picture"
      maxCount={maxFiles}
      accept={[...uploadContentTypes, '.heic', '.amr', '.m4a'].join(',')}
      pickLabel={t('pick')}
      badTypeText={t('badType')}
      requestTicket={(body) => api.POST('/v1/public/attachments', { body })}
      refusal={refusal}
    />
  );
};

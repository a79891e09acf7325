/**
 * Photos (and recordings) for a public complaint, uploaded as soon as they are picked: `POST /v1/public/attachments`
 * gives a presigned URL and the headers to send, the file goes there with a PUT, and the complaint then refers to the
 * attachment's id. The field's value is antd's file list; {@link attachmentRefs} turns it into the complaint's part.
 */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile, type UploadProps } from 'antd';
import { api } from '../api/client.ts';
import { problemText } from '../api/problems.ts';
import type { NewPublicComplaint, NewUpload } from '../api/schema.gen.ts';
import { defineMessages, useI18n, useMessages } from '../i18n/i18n.tsx';
import { formatWait, retryAfterSeconds } from './format.ts';

const messages = defineMessages({
  zh: {
    pick: '选择照片或录音',
    badType: '不支持此文件类型：请上传 JPEG、PNG、WebP、HEIC 照片，MP3、M4A、AMR、WAV 录音，MP4 视频或 PDF',
    failed: '“{name}”上传失败：{reason}',
    network: '网络错误，请重试',
    tooMany: '上传过于频繁，请 {wait}后再试',
  },
  en: {
    pick: 'Choose photos or recordings',
    badType: 'File type not supported: JPEG, PNG, WebP, HEIC photos, MP3, M4A, AMR, WAV recordings, MP4 video or PDF',
    failed: 'Could not upload “{name}”: {reason}',
    network: 'network error, please try again',
    tooMany: 'Too many uploads; please try again in {wait}',
  },
});

export const maxFiles = 10;

type ContentType = NewUpload['contentType'];

const contentTypes: readonly ContentType[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'audio/mpeg',
  'audio/mp4',
  'audio/amr',
  'audio/wav',
  'video/mp4',
  'application/pdf',
];

/** What the browser may not know by type (HEIC, AMR often come without one), by extension. */
const byExtension: Readonly<Record<string, ContentType>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  amr: 'audio/amr',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  pdf: 'application/pdf',
};

const contentTypeOf = (file: File): ContentType | undefined => {
  if ((contentTypes as readonly string[]).includes(file.type)) return file.type as ContentType;
  return byExtension[file.name.split('.').pop()?.toLowerCase() ?? ''];
};

interface Uploaded {
  readonly attachmentId: string;
}

/** The uploaded files of the field's value as the complaint refers to them. */
export const attachmentRefs = (files: readonly UploadFile<Uploaded>[] | undefined): NewPublicComplaint['attachments'] =>
  (files ?? [])
    .filter((file) => file.status === 'done' && file.response)
    .map((file) => ({ attachmentId: file.response?.attachmentId ?? '', fileName: file.name })) as NonNullable<
    NewPublicComplaint['attachments']
  >;

/** Whether some file of the field's value is still on its way. */
export const stillUploading = (files: readonly UploadFile[] | undefined): boolean =>
  (files ?? []).some((file) => file.status === 'uploading');

/** Controlled by antd Form (`valuePropName="fileList"`): `value`/`onChange` are the file list. */
export const PhotoUpload = ({
  fileList,
  onChange,
  id,
}: {
  fileList?: UploadFile<Uploaded>[];
  onChange?: (files: UploadFile<Uploaded>[]) => void;
  id?: string;
}) => {
  const t = useMessages(messages);
  const { language } = useI18n();
  const { message } = App.useApp();

  const upload: UploadProps<Uploaded>['customRequest'] = async ({ file, onSuccess, onError, onProgress }) => {
    const picked = file as File;
    const fail = (reason: string) => {
      message.error(t('failed', { name: picked.name, reason }));
      onError?.(new Error(reason));
    };
    const contentType = contentTypeOf(picked);
    if (!contentType) return fail(t('badType'));
    try {
      const {
        data: ticket,
        error,
        response,
      } = await api.POST('/v1/public/attachments', {
        body: { fileName: picked.name, contentType, size: picked.size },
      });
      if (!ticket) {
        const wait = response.status === 429 ? retryAfterSeconds(response) : undefined;
        return fail(wait ? t('tooMany', { wait: formatWait(wait, language) }) : error ? problemText(error) : '');
      }
      onProgress?.({ percent: 30 });
      const put = await fetch(ticket.uploadUrl, { method: ticket.method, headers: ticket.headers, body: picked });
      if (!put.ok) return fail(`HTTP ${put.status}`);
      onProgress?.({ percent: 100 });
      onSuccess?.({ attachmentId: ticket.attachmentId });
    } catch {
      fail(t('network'));
    }
  };

  return (
    <Upload<Uploaded>
      id={id}
      multiple
      listType="picture"
      maxCount={maxFiles}
      accept={[...contentTypes, '.heic', '.amr', '.m4a'].join(',')}
      fileList={fileList}
      onChange={({ fileList: files }) => onChange?.(files)}
      customRequest={upload}
    >
      <Button icon={<UploadOutlined aria-hidden />} disabled={(fileList?.length ?? 0) >= maxFiles}>
        {t('pick')}
      </Button>
    </Upload>
  );
};

/**
 * Files an official attaches to an action (a problem's evidence of the fix), uploaded as soon as they are picked, by
 * the flow the public form's photos take: `POST /v1/attachments` (with the official's token) gives a presigned URL and
 * the headers to send, the file goes there with a PUT, and the action then refers to the attachment's id. The field's
 * value is antd's file list; {@link uploadedRefs} turns it into the references the action sends.
 */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile, type UploadProps } from 'antd';
import { api } from '../../../api/client.ts';
import { problemText } from '../../../api/problems.ts';
import type { NewUpload } from '../../../api/schema.gen.ts';
import { defineMessages, useMessages } from '../../../i18n/i18n.tsx';

const messages = defineMessages({
  zh: {
    pick: '选择文件（照片、PDF 等）',
    badType: '不支持此文件类型：请上传 JPEG、PNG、WebP、HEIC 照片，PDF 文件，MP3、M4A、AMR、WAV 录音或 MP4 视频',
    failed: '“{name}”上传失败：{reason}',
    network: '网络错误，请重试',
  },
  en: {
    pick: 'Choose files (photos, PDF …)',
    badType: 'File type not supported: JPEG, PNG, WebP, HEIC photos, PDF, MP3, M4A, AMR, WAV recordings or MP4 video',
    failed: 'Could not upload “{name}”: {reason}',
    network: 'network error, please try again',
  },
});

/** The most files an action takes (the API's limit for evidence). */
export const maxEvidenceFiles = 20;

type ContentType = NewUpload['contentType'];

/** The types the API stores, by the extension a browser may not know the type of (HEIC, AMR often come without). */
const byExtension: Readonly<Record<string, ContentType>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  heic: 'image/heic',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  amr: 'audio/amr',
  wav: 'audio/wav',
  mp4: 'video/mp4',
};
const contentTypes = new Set<string>(Object.values(byExtension));

const contentTypeOf = (file: File): ContentType | undefined => {
  if (contentTypes.has(file.type)) return file.type as ContentType;
  return byExtension[file.name.split('.').pop()?.toLowerCase() ?? ''];
};

interface Uploaded {
  readonly attachmentId: string;
}

export interface AttachmentRef {
  readonly attachmentId: string;
  readonly fileName: string;
}

/** The uploaded files of the field's value as an action refers to them. */
export const uploadedRefs = (files: readonly UploadFile<Uploaded>[] | undefined): AttachmentRef[] =>
  (files ?? []).flatMap((file) =>
    file.status === 'done' && file.response ? [{ attachmentId: file.response.attachmentId, fileName: file.name }] : [],
  );

/** Whether some file of the field's value is still on its way. */
export const stillUploading = (files: readonly UploadFile[] | undefined): boolean =>
  (files ?? []).some((file) => file.status === 'uploading');

/** Controlled by antd Form (`valuePropName="fileList"`): `fileList`/`onChange` are the file list. */
export const EvidenceUpload = ({
  fileList,
  onChange,
  id,
}: {
  fileList?: UploadFile<Uploaded>[];
  onChange?: (files: UploadFile<Uploaded>[]) => void;
  id?: string;
}) => {
  const t = useMessages(messages);
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
      const { data: ticket, error } = await api.POST('/v1/attachments', {
        body: { fileName: picked.name, contentType, size: picked.size },
      });
      if (!ticket) return fail(error ? problemText(error) : '');
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
      listType="text"
      maxCount={maxEvidenceFiles}
      accept={[...contentTypes, ...Object.keys(byExtension).map((extension) => `.${extension}`)].join(',')}
      fileList={fileList}
      onChange={({ fileList: files }) => onChange?.(files)}
      customRequest={upload}
    >
      <Button icon={<UploadOutlined aria-hidden />} disabled={(fileList?.length ?? 0) >= maxEvidenceFiles}>
        {t('pick')}
      </Button>
    </Upload>
  );
};

/**
 * Files uploaded as soon as they are picked, through a presigned URL: the API gives a ticket (`POST /v1/attachments`
 * for an official, `POST /v1/public/attachments` for the public) with the URL and the headers to send, the file goes
 * there with a PUT, and the record then refers to the attachment's id. The field's value is antd's file list;
 * {@link uploadedAttachments} turns it into the references a record sends.
 */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile, type UploadProps } from 'antd';
import { problemText } from '../api/problems.ts';
import type { NewUpload, Problem, UploadTicket } from '../api/schema.gen.ts';
import { defineMessages, useMessages } from '../i18n/i18n.tsx';

const messages = defineMessages({
  zh: {
    failed: '“{name}”上传失败：{reason}',
    network: '网络错误，请重试',
  },
  en: {
    failed: 'Could not upload “{name}”: {reason}',
    network: 'network error, please try again',
  },
});

export type UploadContentType = NewUpload['contentType'];

/** The types the API stores. */
export const uploadContentTypes: readonly UploadContentType[] = [
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

/** The types the API stores, by the extension a browser may not know the type of (HEIC, AMR often come without). */
export const uploadTypesByExtension: Readonly<Record<string, UploadContentType>> = {
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

const contentTypeOf = (file: File): UploadContentType | undefined => {
  if ((uploadContentTypes as readonly string[]).includes(file.type)) return file.type as UploadContentType;
  return uploadTypesByExtension[file.name.split('.').pop()?.toLowerCase() ?? ''];
};

/** What an uploaded file of the list holds once its PUT is done. */
export interface UploadedAttachment {
  readonly attachmentId: string;
}

/** An uploaded file as a record refers to it. */
export interface AttachmentRef {
  readonly attachmentId: string;
  readonly fileName: string;
}

/** The uploaded files of the field's value as a record refers to them. */
export const uploadedAttachments = (files: readonly UploadFile<UploadedAttachment>[] | undefined): AttachmentRef[] =>
  (files ?? []).flatMap((file) =>
    file.status === 'done' && file.response ? [{ attachmentId: file.response.attachmentId, fileName: file.name }] : [],
  );

/** Whether some file of the field's value is still on its way. */
export const stillUploading = (files: readonly UploadFile[] | undefined): boolean =>
  (files ?? []).some((file) => file.status === 'uploading');

/** What antd Form passes to an upload field (`valuePropName="fileList"`): the file list and its change. */
export interface AttachmentFieldProps {
  fileList?: UploadFile<UploadedAttachment>[];
  onChange?: (files: UploadFile<UploadedAttachment>[]) => void;
  id?: string;
}

/** The API's answer to a ticket request, as the client gives it. */
export interface TicketAnswer {
  data?: UploadTicket;
  error?: Problem;
  response: Response;
}

/**
 * An upload field: each file picked is checked against the types the API stores, a ticket is asked for with
 * `requestTicket`, and the file is sent to the ticket's URL; a failure is shown as a message naming the file.
 * `refusal` words a refused ticket where the caller says more than the problem's text (a rate limit's wait).
 */
export const AttachmentUpload = ({
  fileList,
  onChange,
  id,
  listType,
  maxCount,
  accept,
  pickLabel,
  badTypeText,
  requestTicket,
  refusal,
}: AttachmentFieldProps & {
  listType: UploadProps['listType'];
  maxCount: number;
  accept: string;
  pickLabel: string;
  badTypeText: string;
  requestTicket: (upload: NewUpload) => Promise<TicketAnswer>;
  refusal?: (response: Response) => string | undefined;
}) => {
  const t = useMessages(messages);
  const { message } = App.useApp();

  const upload: UploadProps<UploadedAttachment>['customRequest'] = async ({ file, onSuccess, onError, onProgress }) => {
    const picked = file as File;
    const fail = (reason: string) => {
      message.error(t('failed', { name: picked.name, reason }));
      onError?.(new Error(reason));
    };
    const contentType = contentTypeOf(picked);
    if (!contentType) return fail(badTypeText);
    try {
      const {
        data: ticket,
        error,
        response,
      } = await requestTicket({
        fileName: picked.name,
        contentType,
        size: picked.size,
      });
      if (!ticket) return fail(refusal?.(response) ?? (error ? problemText(error) : ''));
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
    <Upload<UploadedAttachment>
      id={id}
      multiple
      listType={listType}
      maxCount={maxCount}
      accept={accept}
      fileList={fileList}
      onChange={({ fileList: files }) => onChange?.(files)}
      customRequest={upload}
    >
      <Button icon={<UploadOutlined aria-hidden />} disabled={(fileList?.length ?? 0) >= maxCount}>
        {pickLabel}
      </Button>
    </Upload>
  );
};

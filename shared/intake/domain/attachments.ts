/**
 * Attachments of complaints: photos, recordings, videos and documents, from the public and from officials. The file
 * itself goes straight to storage through a presigned URL; these are the rules for what may be uploaded and how a
 * complaint refers to an upload.
 */
import { z } from '#platform/domain/zod.ts';

/** What phones and scanners produce: photos, voice recordings (incl. AMR from feature phones), video and PDF. */
export const attachmentContentTypes = [
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
] as const;
export type AttachmentContentType = (typeof attachmentContentTypes)[number];

export const maxAttachmentBytes = 20 * 1024 * 1024;
export const maxAttachmentsPerComplaint = 10;
export const maxFileNameLength = 200;
/** How long a presigned upload URL stays valid. */
export const uploadUrlLifetimeSeconds = 15 * 60;

/** Attachment ids are ULIDs, like case ids. */
export const attachmentIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '附件编号格式不正确');

// Control characters would garble logs and Content-Disposition headers; the name is shown, never used as a path.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const controlCharacters = /[\u0000-\u001f\u007f]/;

const fileNameSchema = z
  .string()
  .trim()
  .min(1, '文件名不能为空')
  .max(maxFileNameLength, `文件名不能超过 ${maxFileNameLength} 个字符`)
  .refine((name) => !controlCharacters.test(name), '文件名不能包含控制字符');

/** What a client asks to upload (`POST /v1/attachments`, `POST /v1/public/attachments`). */
export const newUploadSchema = z
  .object({
    fileName: fileNameSchema,
    contentType: z.enum(attachmentContentTypes, {
      message: '不支持的文件类型：可上传 JPEG、PNG、WebP、HEIC 照片，MP3、M4A、AMR、WAV 录音，MP4 视频或 PDF 文件',
    }),
    size: z
      .number()
      .int('文件大小须为整数字节数')
      .min(1, '文件不能为空')
      .max(maxAttachmentBytes, `文件不能超过 ${maxAttachmentBytes / 1024 / 1024} MB`),
  })
  .strict();
export type NewUpload = z.infer<typeof newUploadSchema>;

/** How a complaint refers to an upload; `fileName` renames it on the case. */
export const attachmentRefSchema = z
  .object({
    attachmentId: attachmentIdSchema,
    fileName: fileNameSchema.optional(),
  })
  .strict();
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

/** An upload announced through a presigned URL and not yet attached. `key` is where the file lands in storage. */
export interface Upload {
  readonly attachmentId: string;
  readonly fileName: string;
  readonly contentType: AttachmentContentType;
  /** The size declared (and, in AWS, signed into the URL). */
  readonly size: number;
  readonly key: string;
  /** The official's username, or `public`. */
  readonly uploadedBy: string;
  readonly createdAt: string;
  /** After this the upload can no longer be attached: the uploaded file expires. */
  readonly attachableUntil: string;
}

/** An attachment of a case: the file kept in storage at `key`. */
export interface Attachment {
  readonly attachmentId: string;
  readonly fileName: string;
  readonly contentType: AttachmentContentType;
  /** Bytes, as stored. */
  readonly size: number;
  readonly key: string;
}

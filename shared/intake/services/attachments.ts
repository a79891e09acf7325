import { ulid } from 'ulid';
import {
  type Attachment,
  type AttachmentRef,
  maxAttachmentBytes,
  type NewUpload,
  type Upload,
  uploadUrlLifetimeSeconds,
} from '#intake/domain/attachments.ts';
import { getUpload, putUpload } from '#intake/store/uploads.ts';
import { copyObject, headObject, presignPut } from '#platform/adapters/attachment-store.ts';
import { StoredObjectNotFoundError } from '#platform/adapters/errors.ts';
import { buckets } from '#platform/catalog/buckets.ts';
import { now } from '#platform/clock.ts';
import { type FieldProblem, ValidationError } from '#platform/domain/errors.ts';

const { uploadPrefix, keptPrefix, uploadExpiryDays } = buckets.attachments;
const dayMs = 24 * 3600 * 1000;

/** What the client needs to upload the file: send `method` to `uploadUrl` with `headers` before `expiresAt`. */
export interface UploadTicket {
  readonly attachmentId: string;
  readonly uploadUrl: string;
  readonly method: 'PUT';
  readonly headers: { readonly 'content-type': string };
  readonly expiresAt: string;
}

/**
 * Announces an upload and returns a presigned URL for it. The file lands at `uploads/<attachmentId>`; a complaint that
 * refers to the id within {@link buckets} `uploadExpiryDays` attaches it, otherwise it expires.
 */
export const createUpload = async (upload: NewUpload, uploadedBy: string): Promise<UploadTicket> => {
  const attachmentId = ulid();
  const signedAt = now();
  const key = `${uploadPrefix}${attachmentId}`;
  const record: Upload = {
    attachmentId,
    ...upload,
    key,
    uploadedBy,
    createdAt: signedAt.toISOString(),
    attachableUntil: new Date(signedAt.getTime() + uploadExpiryDays * dayMs).toISOString(),
  };
  await putUpload(record);
  const uploadUrl = await presignPut(
    { key, contentType: upload.contentType, size: upload.size },
    { signedAt, expiresInSeconds: uploadUrlLifetimeSeconds },
  );
  return {
    attachmentId,
    uploadUrl,
    method: 'PUT',
    headers: { 'content-type': upload.contentType },
    expiresAt: new Date(signedAt.getTime() + uploadUrlLifetimeSeconds * 1000).toISOString(),
  };
};

const notUploaded = '附件不存在或尚未上传完成';

/** The upload behind one reference, checked against the stored file; a problem when it cannot be attached. */
const confirm = async (ref: AttachmentRef, index: number, at: Date): Promise<Attachment | FieldProblem> => {
  const path = `attachments.${index}.attachmentId`;
  const upload = await getUpload(ref.attachmentId, at);
  if (!upload) return { path, message: notUploaded };
  let size: number;
  try {
    ({ size } = await headObject(upload.key));
  } catch (error) {
    if (error instanceof StoredObjectNotFoundError) return { path, message: notUploaded };
    throw error;
  }
  // In AWS the signed Content-Length rules this out; fauxqs does not check signatures.
  if (size > maxAttachmentBytes) return { path, message: `附件超过 ${maxAttachmentBytes / 1024 / 1024} MB` };
  return {
    attachmentId: upload.attachmentId,
    fileName: ref.fileName ?? upload.fileName,
    contentType: upload.contentType,
    size,
    key: `${keptPrefix}${upload.attachmentId}`,
  };
};

/**
 * Attaches uploads to a complaint: checks that each referenced upload was announced and its file uploaded, then copies
 * each file out of `uploads/` (which expires) to `attachments/<attachmentId>` (which is kept). Copies are made before
 * the case is stored, so a stored case never refers to a missing file; a failed store leaves a copy unreferenced.
 *
 * @throws ValidationError naming `attachments.<i>.attachmentId` for every reference that cannot be attached.
 */
export const attachUploads = async (refs: readonly AttachmentRef[]): Promise<Attachment[]> => {
  if (refs.length === 0) return [];
  const at = now();
  const results = await Promise.all(
    refs.map((ref, index) =>
      refs.findIndex((other) => other.attachmentId === ref.attachmentId) < index
        ? { path: `attachments.${index}.attachmentId`, message: '同一附件不能重复添加' }
        : confirm(ref, index, at),
    ),
  );
  const problems = results.filter((result): result is FieldProblem => 'path' in result);
  if (problems.length > 0) throw new ValidationError(problems);
  const attachments = results as Attachment[];
  await Promise.all(
    attachments.map((attachment) => copyObject(`${uploadPrefix}${attachment.attachmentId}`, attachment.key)),
  );
  return attachments;
};

/**
 * {@link attachUploads} for references given under another field than `attachments` (a plan's file, a problem's
 * evidence): each problem names `<field>.<i>.attachmentId`.
 */
export const attachUploadsAs = async (refs: readonly AttachmentRef[], field: string): Promise<Attachment[]> => {
  try {
    return await attachUploads(refs);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      error.errors.map((problem) => ({ ...problem, path: problem.path.replace(/^attachments/, field) })),
      { cause: error },
    );
  }
};

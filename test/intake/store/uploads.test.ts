import { describe, it } from 'vitest';
import type { Upload } from '#intake/domain/attachments.ts';
import { getUpload, putUpload } from '#intake/store/uploads.ts';
import { expectThrottlingNamed, mockDynamo } from '../../support/dynamo-faults.ts';

const dynamo = mockDynamo('uploads-store-test');

const anUpload: Upload = {
  attachmentId: 'att-1',
  fileName: '现场照片.jpg',
  contentType: 'image/jpeg',
  size: 1024,
  key: 'uploads/att-1',
  uploadedBy: 'public',
  createdAt: '2026-03-01T00:00:00.000Z',
  attachableUntil: '2026-03-02T00:00:00.000Z',
};

describe('the uploads store', () => {
  it.each([
    ['putUpload', () => putUpload(anUpload)],
    ['getUpload', () => getUpload('att-1', new Date('2026-03-01T01:00:00.000Z'))],
  ])(
    '%s turns a DynamoDB throttling error into a PersistenceError with the original as cause',
    expectThrottlingNamed(dynamo),
  );
});

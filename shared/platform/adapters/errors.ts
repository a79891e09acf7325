export class QueueSendError extends Error {
  override name = 'QueueSendError';
}

export class EmailSendError extends Error {
  override name = 'EmailSendError';
}

/** No object at the key: never uploaded, not finished, or expired. */
export class StoredObjectNotFoundError extends Error {
  override name = 'StoredObjectNotFoundError';
}

/** Object storage failed for another reason (permissions, throttling, a service fault). */
export class ObjectStoreError extends Error {
  override name = 'ObjectStoreError';
}

export class QueueSendError extends Error {
  override name = 'QueueSendError';
}

export class EmailSendError extends Error {
  override name = 'EmailSendError';
}

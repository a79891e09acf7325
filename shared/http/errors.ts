export class UnauthenticatedError extends Error {
  override name = 'UnauthenticatedError';
}

export class UnsupportedMediaTypeError extends Error {
  override name = 'UnsupportedMediaTypeError';
}

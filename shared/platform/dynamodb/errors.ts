/**
 * The store could not complete an operation for a reason other than a condition of its own (throttling, a service
 * fault, missing permissions). The SDK's error is the `cause`. Each capability's store names its own errors (not
 * found, version conflicts) in its `store/errors.ts`.
 */
export class PersistenceError extends Error {
  override name = 'PersistenceError';
}

/**
 * Runs one DynamoDB call of a store and translates what the SDK throws into a PersistenceError naming `operation`,
 * with the SDK's error as `cause`: raw SDK errors never leave a store. An error that is already a PersistenceError
 * passes through.
 *
 * @example
 * const { Item } = await translateSdkErrors(`读取用户 ${username}`, () => dynamo().send(new GetCommand(input)));
 */
export const translateSdkErrors = async <T>(operation: string, call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof PersistenceError) throw error;
    throw new PersistenceError(`${operation}失败：${error instanceof Error ? error.name : String(error)}`, {
      cause: error,
    });
  }
};

import { type CfnElement, Stack } from 'aws-cdk-lib';

/** `submit-complaint` → `SubmitComplaint`: construct ids from the kebab-case keys of the resource catalog (`shared/platform/catalog/`). */
export const pascalCase = (key: string): string =>
  key
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');

/** The logical id of a resource as the template shows it (cdk-nag names findings after it, e.g. `<Table1234.Arn>`). */
export const logicalIdOf = (element: CfnElement): string => Stack.of(element).resolve(element.logicalId) as string;

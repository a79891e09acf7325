import { type CfnElement, Names, Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** `submit-complaint` → `SubmitComplaint`: construct ids from the kebab-case keys of the resource catalog (`shared/platform/catalog/`). */
export const pascalCase = (key: string): string =>
  key
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() + part.slice(1))
    .join('');

/** The logical id of a resource as the template shows it (cdk-nag names findings after it, e.g. `<Table1234.Arn>`). */
export const logicalIdOf = (element: CfnElement): string => Stack.of(element).resolve(element.logicalId) as string;

/**
 * An attribute of `element` as cdk-nag names it in a finding about a resource in `scope`'s stack: `<Table1234.Arn>`
 * in the element's own stack; in a nested stack, `<referencetoGreenlineTable5678Arn>`, the parameter CDK passes the
 * attribute in by (named `reference-to-<the element's unique id><attribute>`, its logical id without the hyphens).
 */
export const nagReferenceOf = (scope: IConstruct, element: CfnElement, attribute = 'Arn'): string =>
  Stack.of(scope) === Stack.of(element)
    ? `<${logicalIdOf(element)}.${attribute}>`
    : `<referenceto${Names.nodeUniqueId(element.node)}${attribute}>`;

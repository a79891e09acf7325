import { type CfnResource, NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

// biome-ignore lint/suspicious/noExplicitAny: the templates are walked as free JSON.
type Json = any;

/** Replaces every `{ Ref: name }` of `values` by its value, and `{ Fn::GetAtt: [child, 'Outputs.x'] }` by x's value. */
const substitute = (node: Json, values: ReadonlyMap<string, Json>, outputs: ReadonlyMap<string, Json>): Json => {
  if (Array.isArray(node)) return node.map((item) => substitute(item, values, outputs));
  if (node === null || typeof node !== 'object') return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && keys[0] === 'Ref' && values.has(node.Ref)) return values.get(node.Ref);
  if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
    const [logicalId, attribute] = node['Fn::GetAtt'] as [string, string];
    const output = outputs.get(`${logicalId}.${attribute}`);
    if (output !== undefined) return output;
  }
  return Object.fromEntries(keys.map((key) => [key, substitute(node[key], values, outputs)]));
};

/**
 * The stack and its nested stacks as one template, as if everything were in one stack: each nested stack's resources
 * replace its `AWS::CloudFormation::Stack`, its parameters are replaced by the values the parent passes, and the
 * parent's references to its outputs by their values. Assertions about a function, its role, its routes and what it
 * may touch then read as they did before the capabilities moved into nested stacks.
 */
export const flatTemplate = (stack: Stack): Template => {
  const parent = Template.fromStack(stack).toJSON();
  const resources: Record<string, Json> = { ...parent.Resources };
  const outputs = new Map<string, Json>();
  const nestedResources: Record<string, Json>[] = [];
  const nestedStacks = stack.node.findAll().filter((child): child is NestedStack => NestedStack.isNestedStack(child));
  for (const nested of nestedStacks) {
    if (nested.nestedStackParent !== stack) throw new Error(`${nested.node.path}: nested more than one level deep`);
    const resourceId = stack.getLogicalId(nested.nestedStackResource as CfnResource);
    const values = new Map<string, Json>(Object.entries(resources[resourceId]?.Properties?.Parameters ?? {}));
    const template = Template.fromStack(nested).toJSON();
    delete resources[resourceId];
    nestedResources.push(substitute(template.Resources, values, new Map()));
    for (const [name, output] of Object.entries<Json>(template.Outputs ?? {})) {
      outputs.set(`${resourceId}.Outputs.${name}`, substitute(output.Value, values, new Map()));
    }
  }
  for (const nested of nestedResources) {
    for (const [id, resource] of Object.entries(nested)) {
      if (id in resources) throw new Error(`Logical id ${id} is in two stacks`);
      resources[id] = resource;
    }
  }
  return Template.fromJSON(substitute({ ...parent, Resources: resources }, new Map(), outputs));
};

/** How many resources the stack and each of its nested stacks hold, by path. */
export const resourceCounts = (stack: Stack): Record<string, number> => {
  const count = (of: Stack) => Object.keys(Template.fromStack(of).toJSON().Resources ?? {}).length;
  return Object.fromEntries([
    [stack.node.path, count(stack)],
    ...stack.node
      .findAll()
      .filter((child): child is NestedStack => NestedStack.isNestedStack(child))
      .map((nested) => [nested.node.path, count(nested)]),
  ]);
};

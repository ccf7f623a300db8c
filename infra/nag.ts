import { Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges one cdk-nag finding on one resource, with the reason it is acceptable. Nothing
 * else in the app silences a rule: an unacknowledged finding fails synthesis.
 */
export function acknowledge(resource: IConstruct, id: string, reason: string): void {
  Validations.of(resource).acknowledge({ id, reason });
}

/**
 * The id cdk-nag gives the AwsSolutions-IAM5 finding for one wildcard resource ARN: the ARN as
 * the template renders it, flattened the way cdk-nag flattens it. Only for ARNs whose tokens
 * resolve within the scope's own stack.
 */
export function wildcardResourceFinding(scope: IConstruct, arn: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(arn))}]`;
}

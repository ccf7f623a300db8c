/**
 * Which regencies an ingest client may write. A client is an IAM principal (the caller API
 * Gateway's IAM authorizer verified); its scope is registered in the table by an operator
 * (`lapor-paman clients grant`). A province-wide client is an explicit scope of its own, never the
 * default: a principal without a registration may write nothing.
 */
export type ClientScope = { readonly province: true } | { readonly regencies: readonly string[] };

/** True when a client with this scope may create, change or read complaints of the regency. */
export function mayWrite(scope: ClientScope, regencyCode: string): boolean {
  return 'province' in scope || scope.regencies.includes(regencyCode);
}

/** The scope in words, for error messages: "regency 6302" / "regencies 6301, 6302" / "the whole province". */
export function describeScope(scope: ClientScope): string {
  if ('province' in scope) return 'the whole province';
  const [first, ...rest] = scope.regencies;
  return rest.length === 0 ? `regency ${first}` : `regencies ${scope.regencies.join(', ')}`;
}

/**
 * The registry key of a caller: the IAM user or role behind the ARN API Gateway reports. A role's
 * sessions (`arn:aws:sts::<account>:assumed-role/<role>/<session>`) all map to the role
 * (`arn:aws:iam::<account>:role/<role>`), and paths are dropped (IAM names are unique per account
 * whatever the path), so an operator registers the ARN the IAM console shows.
 */
export function principalKey(arn: string): string {
  const assumed = /^arn:([\w-]+):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  if (assumed) return `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}`;
  const iam = /^arn:([\w-]+):iam::(\d{12}):(user|role)\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (iam) return `arn:${iam[1]}:iam::${iam[2]}:${iam[3]}/${iam[4]}`;
  return arn;
}

/** A principal ARN an operator may register: an IAM user or role, or a role session. */
export function isPrincipalArn(arn: string): boolean {
  return principalKey(arn) !== arn || /^arn:[\w-]+:iam::\d{12}:(user|role)\/[\w+=,.@-]+$/.test(arn);
}

/** Thrown when an update would touch a complaint outside the client's scope. */
export class OutOfScopeError extends Error {
  override name = 'OutOfScopeError';
  constructor(
    readonly path: string,
    message: string,
    /** The regency the complaint is filed under. */
    readonly owner?: string,
  ) {
    super(message);
  }
}

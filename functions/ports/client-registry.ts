import type { ClientScope } from '../domain/client-scope';

/** Port: where the ingest API finds which regencies a caller may write. */
export interface ClientRegistry {
  /** The scope registered for the IAM principal, or undefined when it is not a registered client. */
  scopeOf(principalArn: string): Promise<ClientScope | undefined>;
}

/** Port: the write budget of one ingest client, shared by every instance of the API. */
export interface ClientWriteBudget {
  /** Updates a client may write in one second. */
  readonly perSecond: number;
  /**
   * Takes `updates` from the client's budget of the second `window` (epoch seconds): true when
   * granted, false when that second's budget cannot hold them (nothing taken).
   */
  take(principal: string, window: number, updates: number): Promise<boolean>;
}

/** Port: a queue of units of work (SQS in AWS, the local stand-in for `npm start`). */
export interface WorkQueue {
  send(messages: readonly object[]): Promise<void>;
}

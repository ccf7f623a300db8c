import type { Commitment } from '../domain/commitments';

/** Port: the heads' signed commitments. */
export interface CommitmentDirectory {
  /** Every commitment of these regencies, oldest first. */
  listMany(codes: readonly string[]): Promise<Commitment[]>;
}

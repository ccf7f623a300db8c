/** Inhabitants of a regency, with the source and year they are counted from (data/population/). */
export interface Population {
  value: number;
  year: number;
  /** Full citation of the source. */
  source: string;
}

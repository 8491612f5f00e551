/** A place in a text that may identify someone, before overlapping ones are merged. */
export interface Hit {
  start: number;
  end: number;
  kind: 'navn' | 'initialer' | 'cpr' | 'sagsnummer' | 'talraekke';
}

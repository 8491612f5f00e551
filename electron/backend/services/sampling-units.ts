import type { PopulationStore } from '../../../db/population-store';
import type { SamplingUnit } from '../../../shared/domain/sampling';

/**
 * The last population read as sampling units, keyed by its fingerprint: the stikprøve's live preview asks often.
 * A changed population gets new row ids, so every change to it calls forget().
 */
export function createSamplingUnits(populations: PopulationStore) {
  let last: { tilsynId: number; hash: string; units: SamplingUnit[] } | undefined;

  return {
    of(tilsynId: number): SamplingUnit[] {
      const hash = populations.header(tilsynId)?.contentHash ?? '';
      if (last?.tilsynId !== tilsynId || last.hash !== hash) {
        last = { tilsynId, hash, units: populations.units(tilsynId) };
      }
      return last.units;
    },
    forget(): void {
      last = undefined;
    },
  };
}

export type SamplingUnits = ReturnType<typeof createSamplingUnits>;

import { MatrixDeltaModel } from './matrix-model.js';
import type { MdgpInstance } from './mdgp-instance.js';
import { searchPartition, type SearchOptions, type SearchResult } from './search-partition.js';

/** Solves an MDGP given by an explicit distance matrix (the MDGPLIB case). */
export function solveMdgp(instance: MdgpInstance, options: SearchOptions): SearchResult {
  return searchPartition(new MatrixDeltaModel(instance), instance.bounds, options);
}

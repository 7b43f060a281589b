/** Normal-to-normal intervals and the time each one ends. */
export interface NnIntervals {
  /** NN intervals (ms). */
  nnMs: Float64Array;
  /** Time of the beat closing each interval (s from the record start). */
  timesS: Float64Array;
  /** RR intervals dropped (an ectopic or unknown-class beat at either end, or out of 250-2500 ms). */
  excluded: number;
}

/**
 * NN intervals from beat positions (sample indices). With `classes` (one AAMI class per beat, e.g.
 * 'N','S','V','F','Q'), an interval counts only when both of its beats are 'N'; intervals outside
 * 250-2500 ms (missed or extra detections) are dropped as well.
 *
 * @example nnIntervals(Int32Array.from([0, 360, 720]), 360).nnMs // [1000, 1000]
 */
export function nnIntervals(beatSamples: ArrayLike<number>, fsHz: number, classes?: ArrayLike<string>): NnIntervals {
  const n = beatSamples.length;
  const nn: number[] = [], t: number[] = [];
  let excluded = 0;
  for (let i = 1; i < n; i++) {
    const rr = ((beatSamples[i] - beatSamples[i - 1]) * 1000) / fsHz;
    const normal = !classes || (classes[i] === 'N' && classes[i - 1] === 'N');
    if (!normal || !(rr >= 250 && rr <= 2500)) { excluded++; continue; }
    nn.push(rr);
    t.push(beatSamples[i] / fsHz);
  }
  return { nnMs: Float64Array.from(nn), timesS: Float64Array.from(t), excluded };
}

import { SinusError } from '../errors.js';
import { removeBaselineWander } from '../dsp/baselineWander.js';
import { solveLinearSystem } from '../dsp/solveLinearSystem.js';
import type { EcgRecord } from '../record/types.js';
import type { LeadTransform } from './leadTransform.js';

/** How a lead transform is fitted. */
export interface FitLeadTransformOptions {
  /**
   * Ridge penalty as a fraction of the mean input power (0 = ordinary least squares). A small value
   * keeps the fit stable when two inputs are nearly collinear. Default 1e-4.
   */
  ridge?: number;
  /** Use every n-th sample (default: the rate divided down to about 250 Hz). */
  stride?: number;
  /** Samples of the record to use, [start, end); default all. */
  span?: { startSample: number; endSample: number };
}

/**
 * Least-squares lead transform accumulated over many records: add records one at a time (their leads
 * baseline-corrected by a 0.5 Hz zero-phase high-pass, samples with NaN in any lead skipped), then
 * `solve()`. Memory is (inputs x inputs + inputs x outputs) numbers whatever the number of records.
 *
 * @example
 * const fit = new LeadTransformFit(['I', 'II', 'V2'], ['V1', 'V3', 'V4', 'V5', 'V6']);
 * for (const r of trainingRecords) fit.add(r);
 * const transform = fit.solve('generic: my training set');
 */
export class LeadTransformFit {
  private readonly xtx: number[][];
  private readonly xty: number[][];
  private samples = 0;
  private records = 0;

  constructor(readonly inputs: string[], readonly outputs: string[], private readonly options: FitLeadTransformOptions = {}) {
    if (inputs.length === 0 || outputs.length === 0) throw new SinusError('BAD_ARGUMENT', 'a lead transform needs at least one input and one output lead');
    this.xtx = inputs.map(() => inputs.map(() => 0));
    this.xty = inputs.map(() => outputs.map(() => 0));
  }

  /** Adds one record's samples; returns false (and adds nothing) when it lacks a needed lead. */
  add(record: EcgRecord, span = this.options.span): boolean {
    const byName = new Map(record.leads.map((l) => [l.name, l]));
    const names = [...this.inputs, ...this.outputs];
    if (!names.every((n) => byName.has(n))) return false;
    const start = Math.max(0, span?.startSample ?? 0);
    const end = Math.min(record.length, span?.endSample ?? record.length);
    if (end - start < 2) return false;
    const leads = names.map((n) => removeBaselineWander(byName.get(n)!.samples.subarray(start, end), record.fs));
    const x = leads.slice(0, this.inputs.length);
    const y = leads.slice(this.inputs.length);
    const stride = this.options.stride ?? Math.max(1, Math.round(record.fs / 250));
    for (let i = 0; i < end - start; i += stride) {
      if (leads.some((l) => Number.isNaN(l[i]))) continue;
      for (let a = 0; a < x.length; a++) {
        const xa = x[a][i];
        for (let b = 0; b < x.length; b++) this.xtx[a][b] += xa * x[b][i];
        for (let k = 0; k < y.length; k++) this.xty[a][k] += xa * y[k][i];
      }
      this.samples++;
    }
    this.records++;
    return true;
  }

  /** Records added so far. */
  get recordCount(): number {
    return this.records;
  }

  /** The least-squares (ridge) weights; throws SinusError NOT_ENOUGH_DATA with no samples. */
  solve(source: string): LeadTransform {
    if (this.samples < this.inputs.length * 10) throw new SinusError('NOT_ENOUGH_DATA', `a lead transform needs more samples than ${this.samples}`);
    const n = this.inputs.length;
    const meanPower = this.xtx.reduce((s, row, i) => s + row[i], 0) / n;
    const a = this.xtx.map((row, i) => row.map((v, j) => v + (i === j ? (this.options.ridge ?? 1e-4) * meanPower : 0)));
    const columns = this.outputs.map((_, k) => {
      const w = solveLinearSystem(a, this.xty.map((row) => row[k]));
      if (!w) throw new SinusError('NOT_ENOUGH_DATA', 'the input leads are linearly dependent; a lead transform cannot be fitted');
      return w;
    });
    return {
      inputs: [...this.inputs],
      outputs: [...this.outputs],
      weights: columns,
      source: `${source} (${this.records} records, ${this.samples} samples)`,
    };
  }
}

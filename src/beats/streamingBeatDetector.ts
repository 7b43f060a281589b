import { SinusError } from '../errors.js';
import { butterworthSos } from '../dsp/butterworth.js';
import { sosGroupDelaySamples, sosSteadyState } from '../dsp/sos.js';
import type { BeatDetectorOptions } from './types.js';

/*
 * How it works (one pass, causal, so the batch form is this with the whole signal in one chunk):
 *  1. Per lead: causal 2nd-order Butterworth band-pass (5-20 Hz), absolute slope over ~5 ms in
 *     mV per 10 ms. (Absolute, not squared, slope keeps small aberrant beats within reach.)
 *  2. Lead fusion: each lead's slope is divided by its typical QRS slope (75th percentile of the
 *     last 8 one-second maxima) and weighted by its peakiness (max over mean per second, squared:
 *     high for a clean ECG, low for noise), so a noisy or flat lead drops out by itself.
 *  3. 100 ms moving integration of the fused slope; local maxima are candidates.
 *  4. Pan-Tompkins style decision: adaptive signal/noise peak levels SPK/NPK, threshold
 *     NPK + 0.5 (SPK - NPK), relaxed (to no less than half) towards 8x the median background over
 *     a quiet signal and raised towards 4x it (capped at 0.7 SPK) over noise; a 200 ms refractory
 *     period in which a 1.2x larger peak replaces the beat (a P wave, pacing spike or artefact was
 *     taken just before the QRS), 1.5x larger and steeper up to 300 ms; a T-wave test (slope
 *     under half the running QRS slope level, within 360 ms, longer by as much as the last QRS
 *     is wider than 100 ms); search-back at 0.6 of the
 *     threshold after 1.66 mean RR without a beat.
 *  5. Beats whose peaks do not stand out of the background (median ratio over the last 8 under 2)
 *     are counted but not reported: that is how pure noise ends with few beats.
 *     The first beat of a stream waits for the second: if it is under half its size and slope it
 *     was the T wave of a beat cut off by the start, and is dropped.
 *  6. Fiducial: the energy centre of the fused slope around its strongest 25 ms stretch, moved
 *     back by the band-pass group delay, so it sits at the same place in every QRS.
 * The first 2 s are buffered to learn lead scales and levels, then replayed, and the first beat
 * waits for the second (at most 2.5 s): that is the extra latency at the start; afterwards a
 * beat is reported at most about max(0.45 s, 1.66 RR) after it happened.
 */

const BLOCK_HISTORY = 8;
/** The background floor of the threshold never rises above this fraction of the signal level. */
const BG_CAP = 0.7;
/** Pan-Tompkins threshold: NPK + this x (SPK - NPK). */
const THRESHOLD_FRACTION = 0.5;
/** A peak this much larger than the last beat, within its refractory period, replaces it. */
const REPLACE_RATIO = 1.2;
/** Until this long after a beat (ms), a peak this much larger and steeper replaces it. */
const REPLACE_WINDOW_MS = 300;
const LATE_REPLACE_RATIO = 1.5;
/** Search-back accepts peaks above this fraction of the threshold. */
const SEARCH_BACK_FRACTION = 0.6;
/** Over a quiet background the threshold may fall to this multiple of the background (>= half of it). */
const CLEAN_K = 8;
/**
 * Beats are reported only while the median of the last 8 peak-to-background ratios is at least
 * this: ECG gives medians of 6-20 (MIT-BIH, noisiest records included), recorded electrode-motion,
 * muscle and baseline noise alone (NSTDB) 1.3-2.0.
 */
const MIN_DISTINCTNESS = 2;
/** A typical one-second maximum absolute slope below this (mV per 10 ms) means a flat lead. */
const FLAT_ENERGY = 0.005;

interface LevelState {
  spk: number;
  lastQrsAt: number;
  lastQrsFiducial: number;
  qrsSlope: number;
  lastQrsWidth: number;
  rr: Float64Array;
  rrCount: number;
  rrMean: number;
  distinct: Float64Array;
  distinctCount: number;
  noisePeaks: Candidate[];
}

interface Candidate {
  /** Index in the integrated energy (delayed) time base. */
  at: number;
  value: number;
  slope: number;
  fiducial: number;
  /** Width of the fused slope above 30% of its peak, samples (QRS duration, roughly). */
  width: number;
}

/**
 * A QRS detector fed in chunks. Feed every lead's next samples (same length) with {@link push};
 * it returns the beats it has become sure of; {@link finish} flushes the rest. The beats found are
 * the same whatever the chunk sizes, and the same as {@link detectBeatsInSignal} / detectBeats.
 *
 * @example
 * const det = new StreamingBeatDetector(360, 2);
 * for (const [a, b] of chunks) console.log(det.push([a, b]));
 * console.log(det.finish());
 */
export class StreamingBeatDetector {
  readonly fsHz: number;
  readonly leadCount: number;
  private readonly sos: Float64Array;
  private readonly zi: Float64Array;
  private readonly nsec: number;
  private readonly filterState: Float64Array;
  private readonly slopeLag: number;
  private readonly slopeScale: number;
  private readonly slopeRing: Float64Array;
  private readonly lastValid: Float64Array;
  private started = false;
  // Per-lead block statistics.
  private readonly blockN: number;
  private readonly blockMax: Float64Array;
  private readonly blockSum: Float64Array;
  private readonly maxHistory: Float64Array;
  private readonly ratioHistory: Float64Array;
  private blocksDone = 0;
  private blockPos = 0;
  private readonly scale: Float64Array; // per lead: weight / typical energy
  private flatLeads: boolean[];
  // Learning.
  private readonly learnN: number;
  private learnBuf: Float64Array | null;
  private learned = false;
  // Fused stream.
  private readonly integN: number;
  private readonly ringMask: number;
  private readonly gRing: Float64Array;
  private gSum = 0;
  private t = 0; // index of the next fused sample
  private prevF = 0;
  private prevPrevF = 0;
  private pending: Candidate | null = null;
  private readonly holdN: number;
  private readonly shortN: number;
  // Background (median of F) per block.
  private readonly bgDecim: number;
  private readonly bgSamples: Float64Array;
  private bgCount = 0;
  private readonly bgHistory: Float64Array;
  private bgBlocks = 0;
  private fusedBlockPos = 0;
  private background = 0;
  // Decision state.
  private spk = 0;
  private npk = 0;
  private lastQrsAt = -1e9; // integrated time base
  private lastQrsFiducial = -1e9;
  private qrsSlope = 0;
  private lastQrsWidth = 0;
  private readonly distinct = new Float64Array(8);
  private distinctCount = 0;
  private suppressed = 0;
  private provisional: { beat: Candidate; rate: number; before: LevelState; report: boolean; first: boolean } | null = null;
  private readonly rr: Float64Array = new Float64Array(8);
  private rrCount = 0;
  private rrMean: number;
  private noisePeaks: Candidate[] = [];
  private readonly refractoryN: number;
  private readonly replaceWindowN: number;
  private readonly firstHoldN: number;
  private readonly tWaveN: number;
  private readonly normalQrsN: number;
  private readonly searchBackRr: number;
  private readonly backgroundFactor: number;
  private readonly delayN: number;
  private out: Int32Array = new Int32Array(64);
  private outCount = 0;
  private outTaken = 0;
  private inputCount = 0;
  private finished = false;

  constructor(fsHz: number, leadCount: number, options: BeatDetectorOptions = {}) {
    if (!(fsHz >= 50 && fsHz <= 20000)) throw new SinusError('BAD_ARGUMENT', `sampling rate must be 50-20000 Hz for beat detection, got ${fsHz}`);
    if (!(Number.isInteger(leadCount) && leadCount >= 1)) throw new SinusError('BAD_ARGUMENT', `need at least one lead, got ${leadCount}`);
    this.fsHz = fsHz;
    this.leadCount = leadCount;
    const band = options.bandHz ?? [5, 20];
    const hi = Math.min(band[1], 0.45 * fsHz);
    const lo = Math.min(band[0], hi / 2);
    this.sos = butterworthSos('bandpass', 2, [lo, hi], fsHz);
    this.zi = sosSteadyState(this.sos);
    this.nsec = this.sos.length / 6;
    this.filterState = new Float64Array(leadCount * 2 * this.nsec);
    this.slopeLag = Math.max(1, Math.round(0.005 * fsHz));
    this.slopeScale = (0.01 * fsHz) / this.slopeLag; // to mV per 10 ms
    this.slopeRing = new Float64Array(leadCount * (this.slopeLag + 1));
    this.lastValid = new Float64Array(leadCount);
    this.blockN = Math.max(1, Math.round(fsHz));
    this.blockMax = new Float64Array(leadCount);
    this.blockSum = new Float64Array(leadCount);
    this.maxHistory = new Float64Array(leadCount * BLOCK_HISTORY);
    this.ratioHistory = new Float64Array(leadCount * BLOCK_HISTORY);
    this.scale = new Float64Array(leadCount);
    this.flatLeads = new Array<boolean>(leadCount).fill(true);
    this.learnN = 2 * this.blockN;
    this.learnBuf = new Float64Array(leadCount * this.learnN);
    this.integN = Math.max(1, Math.round(((options.integrationMs ?? 100) / 1000) * fsHz));
    this.holdN = this.integN + Math.round(0.02 * fsHz);
    this.shortN = Math.max(1, Math.round(this.integN / 4));
    let ringLen = 1;
    while (ringLen < this.integN + this.holdN + 4) ringLen <<= 1;
    this.ringMask = ringLen - 1;
    this.gRing = new Float64Array(ringLen);
    this.bgDecim = Math.max(1, Math.round(fsHz / 40));
    this.bgSamples = new Float64Array(Math.ceil(this.blockN / this.bgDecim) + 1);
    this.bgHistory = new Float64Array(BLOCK_HISTORY);
    this.refractoryN = Math.round(((options.refractoryMs ?? 200) / 1000) * fsHz);
    this.firstHoldN = Math.round(2.5 * fsHz);
    this.replaceWindowN = Math.round((REPLACE_WINDOW_MS / 1000) * fsHz);
    this.normalQrsN = Math.round(0.1 * fsHz); // upper limit of a normal QRS duration
    this.tWaveN = Math.round(((options.tWaveWindowMs ?? 360) / 1000) * fsHz);
    this.searchBackRr = options.searchBackRr ?? 1.66;
    this.backgroundFactor = options.backgroundFactor ?? 4;
    this.rrMean = fsHz; // 60 bpm until beats say otherwise
    this.delayN = sosGroupDelaySamples(this.sos, Math.sqrt(lo * hi), fsHz) + this.slopeLag / 2;
  }

  /** Leads judged flat (no slope energy) at the last one-second block. */
  get flatLeadFlags(): readonly boolean[] {
    return this.flatLeads;
  }

  /** Beats found but not reported because they did not stand out of the background (noise). */
  get suppressedBeats(): number {
    return this.suppressed;
  }

  /** Samples fed so far per lead. */
  get samplesSeen(): number {
    return this.inputCount;
  }

  /**
   * Feeds the next samples of every lead (one array per lead, equal lengths, mV; NaN allowed for
   * missing samples) and returns the fiducials of beats confirmed since the last call, ascending.
   */
  push(chunk: ArrayLike<number>[]): Int32Array {
    if (this.finished) throw new SinusError('BAD_ARGUMENT', 'push() after finish()');
    if (chunk.length !== this.leadCount) throw new SinusError('BAD_ARGUMENT', `expected ${this.leadCount} leads, got ${chunk.length}`);
    const n = chunk[0].length;
    for (const c of chunk) if (c.length !== n) throw new SinusError('BAD_ARGUMENT', 'every lead of a chunk must have the same length');
    for (let i = 0; i < n; i++) this.step(chunk, i);
    return this.take();
  }

  /** Ends the stream: flushes the filters and pending decisions and returns the last beats. */
  finish(): Int32Array {
    if (this.finished) return new Int32Array(0);
    this.finished = true;
    if (!this.learned) {
      if (this.inputCount === 0) return this.take();
      this.learn(this.inputCount);
    }
    // Push the filter and integration delays out with the last valid value held.
    const extra = Math.ceil(this.delayN) + this.integN + this.holdN + 2;
    const hold = Array.from(this.lastValid, (v) => Float64Array.of(v));
    for (let i = 0; i < extra; i++) this.step(hold, 0, true);
    if (this.pending) {
      this.decide(this.pending);
      this.pending = null;
    }
    this.searchBack(this.t);
    this.commitProvisional(null, true);
    return this.take();
  }

  private take(): Int32Array {
    const r = this.out.slice(this.outTaken, this.outCount);
    this.outTaken = this.outCount;
    return r;
  }

  private step(chunk: ArrayLike<number>[], i: number, flushing = false): void {
    const L = this.leadCount;
    const nsec = this.nsec, sos = this.sos;
    const lag1 = this.slopeLag + 1;
    if (!this.started) {
      for (let l = 0; l < L; l++) {
        const v = chunk[l][i];
        this.lastValid[l] = Number.isFinite(v) ? v : 0;
      }
      this.started = true;
      for (let l = 0; l < L; l++) for (let s = 0; s < 2 * nsec; s++) this.filterState[l * 2 * nsec + s] = this.zi[s] * this.lastValid[l];
    }
    const slot = this.inputCount % lag1;
    const prevSlot = (this.inputCount + 1) % lag1; // oldest = lag samples ago
    let g = 0;
    for (let l = 0; l < L; l++) {
      let x = chunk[l][i];
      const valid = Number.isFinite(x);
      if (valid) this.lastValid[l] = x; else x = this.lastValid[l];
      // Band-pass, transposed direct form II, sections in series.
      let y = x;
      const fo = l * 2 * nsec;
      for (let s = 0; s < nsec; s++) {
        const o = 6 * s;
        const z1 = this.filterState[fo + 2 * s], z2 = this.filterState[fo + 2 * s + 1];
        const out = sos[o] * y + z1;
        this.filterState[fo + 2 * s] = sos[o + 1] * y - sos[o + 4] * out + z2;
        this.filterState[fo + 2 * s + 1] = sos[o + 2] * y - sos[o + 5] * out;
        y = out;
      }
      const ro = l * lag1;
      this.slopeRing[ro + slot] = y;
      const d = (y - this.slopeRing[ro + prevSlot]) * this.slopeScale;
      const e = valid && !flushing ? Math.abs(d) : 0;
      if (e > this.blockMax[l]) this.blockMax[l] = e;
      this.blockSum[l] += e;
      if (this.learned) g += e * this.scale[l];
      else this.learnBuf![l * this.learnN + this.inputCount] = e;
    }
    if (!flushing) this.inputCount++;
    if (!flushing && ++this.blockPos === this.blockN) this.endBlock();
    if (this.learned) this.fused(g);
    else if (this.inputCount === this.learnN) this.learn(this.learnN);
  }

  private endBlock(length = this.blockN): void {
    const L = this.leadCount;
    const slot = this.blocksDone % BLOCK_HISTORY;
    for (let l = 0; l < L; l++) {
      const mx = this.blockMax[l];
      this.maxHistory[l * BLOCK_HISTORY + slot] = mx;
      this.ratioHistory[l * BLOCK_HISTORY + slot] = mx > 0 ? this.blockSum[l] / length / mx : 1;
      this.blockMax[l] = 0;
      this.blockSum[l] = 0;
    }
    this.blocksDone++;
    this.blockPos = 0;
    if (this.learned) this.updateScales();
  }

  /** Lead weights from the recent blocks: 1 / typical QRS energy, times peakiness. */
  private updateScales(): void {
    const L = this.leadCount;
    const h = Math.min(this.blocksDone, BLOCK_HISTORY);
    const tmp = new Float64Array(h);
    let weightSum = 0;
    for (let l = 0; l < L; l++) {
      for (let k = 0; k < h; k++) tmp[k] = this.maxHistory[l * BLOCK_HISTORY + k];
      tmp.sort();
      const typical = tmp[Math.min(h - 1, Math.floor(0.75 * h))];
      for (let k = 0; k < h; k++) tmp[k] = this.ratioHistory[l * BLOCK_HISTORY + k];
      tmp.sort();
      const ratio = tmp[h >> 1];
      const flat = !(typical > FLAT_ENERGY);
      this.flatLeads[l] = flat;
      const peakiness = 1 / Math.max(ratio, 0.002);
      const w = flat ? 0 : peakiness * peakiness;
      this.scale[l] = flat ? 0 : w / typical;
      weightSum += w;
    }
    if (weightSum > 0) for (let l = 0; l < L; l++) this.scale[l] /= weightSum;
  }

  /** End of the learning period: set lead weights and levels, then replay the buffered samples. */
  private learn(count: number): void {
    // Shorter than one block: use what there is as one block.
    if (this.blocksDone === 0) this.endBlock(Math.max(1, this.blockPos));
    this.updateScales();
    const L = this.leadCount;
    const buf = this.learnBuf!;
    // Levels from the learning window's integrated energy.
    let sum = 0, mx = 0, run = 0;
    const fusedAt = (i: number) => {
      let g = 0;
      for (let l = 0; l < L; l++) g += buf[l * this.learnN + i] * this.scale[l];
      return g;
    };
    for (let i = 0; i < count; i++) {
      run += fusedAt(i);
      if (i >= this.integN) run -= fusedAt(i - this.integN);
      const f = run / this.integN;
      sum += f;
      if (f > mx) mx = f;
    }
    this.spk = 0.5 * mx;
    this.npk = 0.5 * (sum / Math.max(1, count));
    this.learned = true;
    for (let i = 0; i < count; i++) this.fused(fusedAt(i));
    this.learnBuf = null;
  }

  private fused(g: number): void {
    const t = this.t;
    const ring = this.gRing, mask = this.ringMask;
    ring[t & mask] = g;
    this.gSum += g;
    if (t >= this.integN) this.gSum -= ring[(t - this.integN) & mask];
    const f = this.gSum / this.integN;
    // Background: median of F per second, decimated.
    if (this.fusedBlockPos % this.bgDecim === 0) this.bgSamples[this.bgCount++] = f;
    if (++this.fusedBlockPos === this.blockN) this.endBackgroundBlock();
    // Local maximum at t-1.
    if (t >= 2 && this.prevF > this.prevPrevF && this.prevF >= f) this.candidate(t - 1, this.prevF);
    if (this.pending && t - this.pending.at >= this.holdN) {
      const c = this.pending;
      this.pending = null;
      this.decide(c);
    }
    const p = this.provisional;
    if (p && t - p.beat.at > (p.first ? this.firstHoldN : Math.max(this.refractoryN, this.replaceWindowN) + this.holdN + this.integN)) this.commitProvisional(null, true);
    this.prevPrevF = this.prevF;
    this.prevF = f;
    this.t = t + 1;
    if (t - this.lastQrsAt > this.searchBackRr * this.rrMean && (t & 7) === 0) this.searchBack(t);
  }

  private endBackgroundBlock(): void {
    const s = this.bgSamples.subarray(0, this.bgCount).sort();
    this.bgHistory[this.bgBlocks % BLOCK_HISTORY] = s[s.length >> 1] ?? 0;
    this.bgBlocks++;
    this.bgCount = 0;
    this.fusedBlockPos = 0;
    const h = Math.min(this.bgBlocks, BLOCK_HISTORY);
    const tmp = this.bgHistory.slice(0, h).sort();
    this.background = tmp[h >> 1];
  }

  private candidate(at: number, value: number): void {
    const p = this.pending;
    if (p && at - p.at < this.holdN) {
      if (value <= p.value) return;
    }
    if (p && at - p.at >= this.holdN) this.decide(p);
    this.pending = { at, value, slope: 0, fiducial: 0, width: 0 };
  }

  /** Places the fiducial and measures the slope of a candidate once the samples after it are in. */
  private measure(c: Candidate): void {
    // The strongest short stretch (a quarter of the integration) of fused slope energy under the
    // winning integration window locates the QRS; the energy centre over one integration length
    // centred there is the fiducial (the ring still holds `holdN` samples after the peak).
    const ring = this.gRing, mask = this.ringMask;
    const from = Math.max(0, c.at - this.integN + 1);
    const shortN = this.shortN;
    let run = 0, bestRun = -1, bestEnd = c.at, mx = 0;
    for (let j = from; j <= c.at; j++) {
      const g = ring[j & mask];
      if (g > mx) mx = g;
      run += g;
      if (j - shortN >= from) run -= ring[(j - shortN) & mask];
      if (run > bestRun) { bestRun = run; bestEnd = j; }
    }
    const mid = bestEnd - (shortN >> 1);
    const half = this.integN >> 1;
    let sw = 0, swt = 0;
    for (let j = Math.max(0, mid - half), end = Math.min(this.t - 1, mid + half); j <= end; j++) {
      const g = ring[j & mask];
      sw += g;
      swt += g * j;
    }
    const centre = sw > 0 ? swt / sw : mid;
    let first = -1, last = -1;
    for (let j = Math.max(0, mid - this.integN), end = Math.min(this.t - 1, mid + this.integN); j <= end; j++) {
      if (ring[j & mask] >= 0.3 * mx) { if (first < 0) first = j; last = j; }
    }
    c.width = first >= 0 ? last - first + 1 : 0;
    c.slope = mx;
    c.fiducial = Math.max(0, Math.round(centre - this.delayN));
  }

  private threshold(): number {
    const t1 = this.npk + THRESHOLD_FRACTION * (this.spk - this.npk);
    // Over a quiet background the threshold may fall to half, down to CLEAN_K x background, so
    // small ectopic beats are found; over noise it stays.
    const relaxed = Math.min(t1, Math.max(0.5 * t1, CLEAN_K * this.background));
    return Math.max(relaxed, Math.min(this.backgroundFactor * this.background, BG_CAP * this.spk));
  }

  private decide(c: Candidate): void {
    this.measure(c);
    if (c.fiducial - this.lastQrsFiducial < this.refractoryN) {
      // Inside the refractory period of the last beat: a much larger peak means the last beat was
      // a P wave or an artefact just before this QRS; the QRS takes its place.
      const p = this.provisional;
      if (p && p.beat.at === this.lastQrsAt && c.value > REPLACE_RATIO * p.beat.value && c.slope > p.beat.slope) {
        this.restore(p.before);
        this.provisional = null;
        this.accept(c, p.rate);
      }
      return;
    }
    // Up to REPLACE_WINDOW_MS after it, a peak 1.5x as large (and steeper) also replaces a beat:
    // an atrial pacing spike or a tall P wave was taken ~250 ms before a wide (paced) QRS.
    const p = this.provisional;
    if (p && p.beat.at === this.lastQrsAt && c.fiducial - p.beat.fiducial < this.replaceWindowN &&
        c.value > LATE_REPLACE_RATIO * p.beat.value && c.slope > p.beat.slope) {
      this.restore(p.before);
      this.provisional = null;
      if (c.value > this.threshold()) {
        this.accept(c, p.rate);
        return;
      }
      // Too small to be a beat after all: keep the first one, as it was.
      this.accept(p.beat, p.rate);
    }
    this.commitProvisional();
    const th = this.threshold();
    if (c.value > th && !this.looksLikeTWave(c)) {
      this.accept(c, 0.125);
    } else {
      this.npk = 0.125 * c.value + 0.875 * this.npk;
      this.noisePeaks.push(c);
      if (this.noisePeaks.length > 64) this.noisePeaks.shift();
    }
  }

  private looksLikeTWave(c: Candidate): boolean {
    // A wide QRS (bundle branch block, paced beat) delays the T wave by about as much as it is wide.
    const window = this.tWaveN + Math.max(0, this.lastQrsWidth - this.normalQrsN);
    return c.fiducial - this.lastQrsFiducial < window && c.slope < 0.5 * this.qrsSlope;
  }

  private snapshot(): LevelState {
    return {
      spk: this.spk, lastQrsAt: this.lastQrsAt, lastQrsFiducial: this.lastQrsFiducial, qrsSlope: this.qrsSlope, lastQrsWidth: this.lastQrsWidth,
      rr: this.rr.slice(), rrCount: this.rrCount, rrMean: this.rrMean, distinct: this.distinct.slice(), distinctCount: this.distinctCount,
      noisePeaks: this.noisePeaks,
    };
  }

  private restore(s: LevelState): void {
    this.spk = s.spk;
    this.lastQrsAt = s.lastQrsAt;
    this.lastQrsFiducial = s.lastQrsFiducial;
    this.qrsSlope = s.qrsSlope;
    this.lastQrsWidth = s.lastQrsWidth;
    this.rr.set(s.rr);
    this.rrCount = s.rrCount;
    this.rrMean = s.rrMean;
    this.distinct.set(s.distinct);
    this.distinctCount = s.distinctCount;
    this.noisePeaks = s.noisePeaks;
  }

  /** Takes `c` as a beat; it is reported once no larger peak has replaced it within the refractory period. */
  private accept(c: Candidate, rate: number): void {
    this.commitProvisional(c);
    const before = this.snapshot();
    if (this.lastQrsFiducial > -1e8) {
      const rr = c.fiducial - this.lastQrsFiducial;
      if (rr < 3 * this.fsHz) {
        this.rr[this.rrCount % 8] = rr;
        this.rrCount++;
        const k = Math.min(this.rrCount, 8);
        let s = 0;
        for (let i = 0; i < k; i++) s += this.rr[i];
        this.rrMean = s / k;
      }
    }
    this.spk = rate * c.value + (1 - rate) * this.spk;
    this.lastQrsAt = c.at;
    this.lastQrsFiducial = c.fiducial;
    this.lastQrsWidth = c.width;
    // Running QRS slope level (not just the last beat's, so one PVC does not skew the T-wave test).
    this.qrsSlope = this.qrsSlope === 0 ? c.slope : 0.25 * c.slope + 0.75 * this.qrsSlope;
    this.noisePeaks = this.noisePeaks.filter((p) => p.at > c.at);
    // Peaks that do not stand out of the background (median of the last 8) are noise: the levels
    // follow them, but they are not reported.
    this.distinct[this.distinctCount++ & 7] = this.background > 0 ? c.value / this.background : Infinity;
    const k = Math.min(this.distinctCount, 8);
    const recent = this.distinct.slice(0, k).sort();
    this.provisional = { beat: c, rate, before, report: recent[k >> 1] >= MIN_DISTINCTNESS, first: before.lastQrsFiducial < -1e8 };
  }

  /**
   * Reports the provisional beat (its refractory period is over, or a later beat came). The first
   * beat of a stream has no earlier QRS to be told from a T wave by, so it waits for the second
   * (`next`): a first "beat" under half the second's size and slope was the T wave of a beat cut
   * off by the start, and is dropped.
   */
  private commitProvisional(next: Candidate | null = null, force = false): void {
    const p = this.provisional;
    if (!p) return;
    if (p.first && !force) {
      if (!next) return;
      if (next.value > 2 * p.beat.value && next.slope > 2 * p.beat.slope) {
        this.provisional = null;
        this.restore(p.before);
        return;
      }
    }
    this.provisional = null;
    if (!p.report) {
      this.suppressed++;
      return;
    }
    if (this.outCount === this.out.length) {
      const grown = new Int32Array(this.out.length * 2);
      grown.set(this.out);
      this.out = grown;
    }
    this.out[this.outCount++] = p.beat.fiducial;
  }

  /** Accepts the best noise peak above half the threshold since the last beat, if any. */
  private searchBack(now: number): void {
    for (;;) {
      if (now - this.lastQrsAt <= this.searchBackRr * this.rrMean) return;
      const half = SEARCH_BACK_FRACTION * this.threshold();
      let best: Candidate | null = null;
      for (const p of this.noisePeaks) {
        if (p.at <= this.lastQrsAt || p.fiducial - this.lastQrsFiducial < this.refractoryN) continue;
        if (p.value > half && !this.looksLikeTWave(p) && (!best || p.value > best.value)) best = p;
      }
      if (!best) {
        // Nothing to recover: move the reference so the search is not repeated every sample.
        this.lastQrsAt = Math.max(this.lastQrsAt, now - Math.round(this.searchBackRr * this.rrMean));
        this.noisePeaks = this.noisePeaks.filter((p) => p.at > now - this.searchBackRr * this.rrMean);
        return;
      }
      this.accept(best, 0.25);
    }
  }
}

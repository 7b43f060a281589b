import type { Random } from '../dsp/seededRandom.js';
import { rrTachogram } from './rrTachogram.js';
import type { BeatMorphology } from './morphology.js';
import { waveExtentsMs } from './waveExtents.js';

/** Rhythms the synthesiser can drive. */
export type SynthRhythm = 'sinus' | 'af' | 'flutter' | 'avb1' | 'avb2' | 'avb3' | 'pvc-bigeminy' | 'vt';
export const SYNTH_RHYTHMS: readonly SynthRhythm[] = ['sinus', 'af', 'flutter', 'avb1', 'avb2', 'avb3', 'pvc-bigeminy', 'vt'];

/** One ventricular beat: where its fiducial falls, its class, its shape and the P wave that led to it. */
export interface ScheduledBeat {
  fiducialS: number;
  /** MIT-BIH beat symbol: N normal, V ventricular ectopic, j junctional escape. */
  symbol: 'N' | 'V' | 'j';
  /** RR (s) the shape is scaled to (the preceding interval). */
  rrS: number;
  morphology: BeatMorphology;
  /** Shift (ms, negative = earlier) of the morphology's own P wave; null when the beat has no P of its own. */
  pShiftMs: number | null;
}

/** A P wave that did not conduct (AV block), drawn with the sinus shape, as the fiducial it would have had. */
export interface BlockedP {
  virtualFiducialS: number;
  rrS: number;
}

/** A rhythm episode in MIT-BIH terms (aux text of a '+' annotation), end exclusive. */
export interface ScheduledEpisode {
  aux: string;
  startS: number;
  endS: number;
}

/** The event model's output: beats, non-conducted P waves, continuous atrial activity and episodes. */
export interface BeatSchedule {
  beats: ScheduledBeat[];
  blockedP: BlockedP[];
  atrial: 'sinus' | 'fibrillation' | 'flutter' | 'dissociated';
  /** Flutter wave rate (Hz) and conduction ratio, for 'flutter'. */
  flutterHz: number | null;
  conductionRatio: number | null;
  episodes: ScheduledEpisode[];
}

/** What drives the schedule. */
export interface ScheduleOptions {
  rhythm: SynthRhythm;
  durationS: number;
  rateBpm: number;
  normal: BeatMorphology;
  ventricular: BeatMorphology;
  /** Atrial flutter conduction ratio (2 = 2:1); default 2. */
  conductionRatio?: number;
}

/** The shape's own PR interval (ms) at this RR, by the ground-truth extents. */
const prMs = (m: BeatMorphology, rrS: number) => {
  const e = waveExtentsMs(m, rrS);
  return e.P && e.QRS ? e.QRS.onsetMs - e.P.onsetMs : null;
};

/** Fiducial times from a list of RR intervals, starting half an interval in. */
function fiducialsFromRr(rr: number[], durationS: number): number[] {
  const out: number[] = [];
  let t = 0.4 * rr[0];
  for (const r of rr) { if (t >= durationS - 0.3) break; out.push(t); t += r; }
  return out;
}

/**
 * The atrial and ventricular event model of each rhythm: sinus beats on ECGSYN's RR process; AF with
 * irregular conduction (log-normal RR, CV ~0.18) and no P waves; flutter at 300/min conducted
 * `conductionRatio`:1; first-degree AV block (PR 280 ms); Mobitz I (4:3 Wenckebach, PR 200/290/350 ms
 * then a blocked P); complete block (atria at the given rate, a junctional escape at 40 bpm); ventricular
 * bigeminy (coupling 0.6 RR, full compensatory pause); ventricular tachycardia at 170 bpm after 3 s of sinus.
 *
 * @example
 * const s = beatSchedule({ rhythm: 'af', durationS: 10, rateBpm: 90, normal, ventricular }, seededRandom(1));
 */
export function beatSchedule(o: ScheduleOptions, rng: Random): BeatSchedule {
  const { durationS, rateBpm, normal, ventricular } = o;
  const rrMean = 60 / rateBpm;
  const whole = (aux: string): ScheduledEpisode[] => [{ aux, startS: 0, endS: durationS }];
  const sinusBeats = (pShiftMs: number) => {
    const rr = rrTachogram({ meanRateBpm: rateBpm }, durationS, rng);
    return fiducialsFromRr(rr, durationS).map((t, i): ScheduledBeat => ({ fiducialS: t, symbol: 'N', rrS: rr[Math.max(0, i - 1)], morphology: normal, pShiftMs }));
  };
  const base = { blockedP: [] as BlockedP[], flutterHz: null, conductionRatio: null };
  switch (o.rhythm) {
    case 'sinus':
      return { ...base, beats: sinusBeats(0), atrial: 'sinus', episodes: whole('(N') };
    case 'avb1': {
      const pr = prMs(normal, rrMean) ?? 160;
      return { ...base, beats: sinusBeats(-(280 - pr)), atrial: 'sinus', episodes: whole('(N') };
    }
    case 'af': {
      const rr: number[] = [];
      for (let t = 0; t < durationS + 2; ) { const r = Math.min(2, Math.max(0.3, rrMean * Math.exp(0.18 * rng.normal()))); rr.push(r); t += r; }
      const beats = fiducialsFromRr(rr, durationS).map((t, i): ScheduledBeat => ({ fiducialS: t, symbol: 'N', rrS: rr[Math.max(0, i - 1)], morphology: normal, pShiftMs: null }));
      return { ...base, beats, atrial: 'fibrillation', episodes: whole('(AFIB') };
    }
    case 'flutter': {
      const ratio = o.conductionRatio ?? 2;
      const rr = Array.from({ length: Math.ceil(durationS / (ratio * 0.2)) + 2 }, () => ratio * 0.2 * (1 + 0.01 * rng.normal()));
      const beats = fiducialsFromRr(rr, durationS).map((t, i): ScheduledBeat => ({ fiducialS: t, symbol: 'N', rrS: rr[Math.max(0, i - 1)], morphology: normal, pShiftMs: null }));
      return { ...base, beats, atrial: 'flutter', flutterHz: 5, conductionRatio: ratio, episodes: whole('(AFL') };
    }
    case 'avb2': {
      // Atrial (P-P) cycle at the given rate; PR lengthens over three conducted beats, the fourth P is blocked.
      const normalPr = prMs(normal, rrMean) ?? 160;
      const prs = [200, 290, 350];
      const beats: ScheduledBeat[] = [], blockedP: BlockedP[] = [];
      let prevFid: number | null = null;
      for (let k = 0, pTime = 0.3; pTime < durationS - 0.5; k++, pTime += rrMean) {
        // pTime is where the normal-PR fiducial would be; a longer PR moves the QRS later, not the P.
        const phase = k % 4;
        if (phase === 3) { blockedP.push({ virtualFiducialS: pTime, rrS: rrMean }); continue; }
        const fid = pTime + (prs[phase] - normalPr) / 1000;
        if (fid >= durationS - 0.3) break;
        beats.push({ fiducialS: fid, symbol: 'N', rrS: prevFid === null ? rrMean : fid - prevFid, morphology: normal, pShiftMs: -(prs[phase] - normalPr) });
        prevFid = fid;
      }
      return { ...base, beats, blockedP, atrial: 'sinus', episodes: whole('(BII') };
    }
    case 'avb3': {
      const escapeRr = 60 / 40;
      const beats: ScheduledBeat[] = [];
      for (let t = 0.2 + rng.next() * 0.8; t < durationS - 0.3; t += escapeRr * (1 + 0.01 * rng.normal())) beats.push({ fiducialS: t, symbol: 'j', rrS: escapeRr, morphology: normal, pShiftMs: null });
      const blockedP: BlockedP[] = [];
      for (let t = 0.1; t < durationS; t += rrMean) blockedP.push({ virtualFiducialS: t, rrS: rrMean });
      return { ...base, beats, blockedP, atrial: 'dissociated', episodes: whole('(BIII') };
    }
    case 'pvc-bigeminy': {
      const beats: ScheduledBeat[] = [];
      for (let t = 0.4 * rrMean; t < durationS - 0.3; t += 2 * rrMean) {
        beats.push({ fiducialS: t, symbol: 'N', rrS: rrMean, morphology: normal, pShiftMs: 0 });
        const v = t + 0.6 * rrMean;
        if (v < durationS - 0.3) beats.push({ fiducialS: v, symbol: 'V', rrS: 0.6 * rrMean, morphology: ventricular, pShiftMs: null });
      }
      return { ...base, beats, atrial: 'sinus', episodes: whole('(B') };
    }
    case 'vt': {
      const onsetS = Math.min(3, durationS / 3);
      const sinus = sinusBeats(0).filter((b) => b.fiducialS < onsetS);
      const start = (sinus.at(-1)?.fiducialS ?? 0) + 0.6 * rrMean;
      const vtRr = 60 / 170;
      const run: ScheduledBeat[] = [];
      for (let t = start; t < durationS - 0.3; t += vtRr * (1 + 0.02 * rng.normal())) run.push({ fiducialS: t, symbol: 'V', rrS: vtRr, morphology: ventricular, pShiftMs: null });
      const vtStart = run.length ? run[0].fiducialS - 0.1 : durationS;
      return { ...base, beats: [...sinus, ...run], atrial: 'sinus', episodes: [{ aux: '(N', startS: 0, endS: vtStart }, { aux: '(VT', startS: vtStart, endS: durationS }] };
    }
  }
}

/**
 * Fixed layout of the per-beat inputs that the classifiers (feature baseline and CNN) are trained
 * on. Training (training/dumpBeatInputs.ts) and inference both build inputs through this stage, so
 * a change here needs retraining: {@link BEAT_INPUT_VERSION} is stored with the weights.
 */

/** Bumped whenever the inputs change meaning; models carry the version they were trained with. */
export const BEAT_INPUT_VERSION = 1;

/** Beat windows are resampled to this rate, whatever the record's rate. */
export const MODEL_FS_HZ = 250;
/** Samples of the window before the beat's fiducial point (256 ms at 250 Hz: covers the P wave). */
export const WINDOW_BEFORE = 64;
/** Samples from the fiducial point on (448 ms at 250 Hz: QRS and most of the T wave). */
export const WINDOW_AFTER = 112;
/** Window length in samples at {@link MODEL_FS_HZ}. */
export const WINDOW_LENGTH = WINDOW_BEFORE + WINDOW_AFTER;
/** Leads the classifiers look at: a limb lead (II preferred) and a second, preferably precordial, lead. */
export const LEADS_USED = 2;

/** The AAMI EC57 beat classes, in the order of every probability vector. */
export const BEAT_CLASSES = ['N', 'S', 'V', 'F', 'Q'] as const;
export type BeatClass = (typeof BEAT_CLASSES)[number];

/** RR-context features, in order (see rrFeatures.ts). */
export const RR_FEATURE_NAMES = [
  'preRrS', 'postRrS', 'localRrS', 'recordRrS',
  'logPreOverLocal', 'logPostOverLocal', 'logPreOverPost', 'logLocalOverRecord', 'logPreOverRecord',
  'localIrregularity', 'logPrevPreOverLocal', 'logNextPostOverLocal',
] as const;

/** Morphology features per lead, in order (see morphologyFeatures.ts). */
export const MORPHOLOGY_FEATURE_NAMES = [
  'corrQrs', 'corrWindow', 'diffRmsQrs', 'diffRmsP', 'diffRmsT', 'logPtpRatio', 'qrsWidthMs', 'logWidthRatio',
  'maxQrs', 'minQrs', 'logAreaRatio',
  'd-100ms', 'd-50ms', 'd0ms', 'd50ms', 'd100ms', 'd150ms', 'd200ms', 'd250ms',
] as const;

/** Length of the feature vector of one beat: RR features, then the morphology of each used lead. */
export const FEATURE_COUNT = RR_FEATURE_NAMES.length + LEADS_USED * MORPHOLOGY_FEATURE_NAMES.length;

/** Window channels per lead given to the CNN: the beat and the beat minus the dominant beat. */
export const WAVE_CHANNELS = 2;

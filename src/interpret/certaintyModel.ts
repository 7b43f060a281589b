/** Certainty models by statement code; written by training/interpretation/fit_certainty.py (do not edit). */
import type { CertaintyModel } from './certainty.js';

export const CERTAINTY_MODELS: Readonly<Record<string, CertaintyModel>> = {};

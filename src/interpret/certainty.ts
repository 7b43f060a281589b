/**
 * Calibrated certainty of a statement: a logistic model per statement family fitted out of fold on
 * PTB-XL folds 1-8 and LUDB (training/interpretation/; the weights are models/interpretation-certainty.json, copied into certaintyModel.ts). A code
 * without a model has no certainty (null), never an invented one.
 */
import { CATALOGUE } from './catalogue.js';
import { CERTAINTY_MODELS } from './certaintyModel.js';
import type { CertaintyModel } from './certaintyModelType.js';

export type { CertaintyModel } from './certaintyModelType.js';

const MODELS: Readonly<Record<string, CertaintyModel>> = CERTAINTY_MODELS;

/**
 * The calibrated probability for `code` on a record with these features (the model of the code, or
 * of its PTB-XL superclass), or null when no model covers it. Unknown features take the training mean.
 *
 * @example statementCertainty('CLBBB', { qrsDurationMs: 150, flag_CLBBB: 1 })?.probability
 */
export function statementCertainty(code: string, features: Record<string, number | null>): { probability: number; source: string } | null {
  const model = MODELS[code] ?? (CATALOGUE[code]?.superclass ? MODELS[`superclass:${CATALOGUE[code].superclass}`] : undefined);
  if (!model) return null;
  let z = model.intercept;
  for (let i = 0; i < model.features.length; i++) {
    const v = features[model.features[i]];
    // An unknown measurement takes the training mean (the model was fitted the same way).
    const x = v === null || v === undefined || !Number.isFinite(v) ? model.mean[i] : v;
    z += (model.coef[i] * (x - model.mean[i])) / model.scale[i];
  }
  return { probability: 1 / (1 + Math.exp(-z)), source: model.source };
}

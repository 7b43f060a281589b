/** A logistic certainty model of one statement family (weights in models/interpretation-certainty.json). */
export interface CertaintyModel {
  /** Feature names in order, with the mean and scale used to standardize them. */
  features: string[];
  mean: number[];
  scale: number[];
  coef: number[];
  intercept: number;
  /** What it was fitted on, e.g. 'PTB-XL folds 1-8 + LUDB, logistic regression'. */
  source: string;
}

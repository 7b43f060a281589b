/** Public API of the dsp stage. */
export {};

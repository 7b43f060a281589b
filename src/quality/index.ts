/** Public API of the quality stage. */
export {};

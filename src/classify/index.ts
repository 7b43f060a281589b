/** Public API of the classify stage. */
export {};

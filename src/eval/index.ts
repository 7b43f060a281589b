/** Public API of the eval stage. */
export {};

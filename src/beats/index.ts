/** Public API of the beats stage. */
export {};

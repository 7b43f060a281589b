/** Public API of the measure stage. */
export {};

/** Public API of the interpret stage. */
export {};

/** Public API of the waves stage. */
export {};

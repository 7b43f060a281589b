/** Public API of the render stage. */
export {};

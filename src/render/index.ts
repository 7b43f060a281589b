/** Public API of the render stage (browser-safe; PNG/PDF are in `sinus-ecg/node`). */
export { renderSvg, type RenderOptions } from './svg.js';
export { pageLayout, hasTwelveLeads, type LayoutName, type LayoutOptions, type PageLayout, type Panel } from './layout.js';
export { overlaysFromAnalysis, overlaysFromAnnotations, type Overlays, type BeatMark, type WaveMark, type WaveName, type WaveEdge } from './overlays.js';
export { keyMeasurements, type KeyMeasurements } from './keyMeasurements.js';

/** The sinus HTTP service (Node only). */
export { buildServer, type ServerOptions } from './app.js';
export { WorkQueue, QueueFullError } from './workQueue.js';
export type { SecurityOptions, RequestLogEntry } from './securityOptions.js';
export { isLoopback } from './securityOptions.js';

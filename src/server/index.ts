/** The sinus HTTP service (Node only). */
export { buildServer, type ServerOptions } from './app.js';
export { WorkQueue, QueueFullError } from './workQueue.js';

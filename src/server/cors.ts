import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/**
 * The CORS policy (@fastify/cors): browsers may call the API only from the listed origins; with
 * none listed, from the service's own origin only (no Access-Control-Allow-Origin is sent).
 *
 * @example
 * await registerCors(app, ['https://ecg.example.org']);
 */
export async function registerCors(app: FastifyInstance, origins: string[] = []): Promise<void> {
  await app.register(cors, {
    origin: origins.length ? origins : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'x-api-key', 'content-type'],
    maxAge: 600,
  });
}

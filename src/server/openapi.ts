import { SINUS_VERSION } from '../version.js';

const error = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: error } } });
const upload = {
  required: true,
  content: {
    'multipart/form-data': {
      schema: {
        type: 'object',
        properties: { files: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'the files of ONE record, matched by file name only: WFDB .hea with its .dat/.mat (and .atr or other annotation files), EDF/EDF+ (.edf), MAT v4 + .hea, CSV/TSV, sinus JSON, and the clinical formats: HL7 aECG (.xml), DICOM waveform (.dcm), SCP-ECG (.scp), GE MUSE XML (.xml), Philips XML / XLI (.xml), Philips MRx archives, ISHNE Holter (.ecg with its .ann)' } },
      },
    },
  },
};
const renderParams = [
  { name: 'layout', in: 'query', schema: { type: 'string', enum: ['3x4', '6x2', 'strips', 'holter'] }, description: 'default 3x4 for 12-lead records, else strips' },
  { name: 'speed', in: 'query', schema: { type: 'number' }, description: 'paper speed in mm/s (default 25, Holter 12.5)' },
  { name: 'gain', in: 'query', schema: { type: 'number' }, description: 'gain in mm/mV (default 10, Holter 5)' },
  { name: 'start', in: 'query', schema: { type: 'number' }, description: 'first second shown' },
  { name: 'lead', in: 'query', schema: { type: 'string' }, description: 'comma-separated leads (strips) or the Holter lead' },
  { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 }, description: 'Holter page' },
  { name: 'rowSeconds', in: 'query', schema: { type: 'number' }, description: 'Holter: seconds per row (default 20)' },
  { name: 'rowsPerPage', in: 'query', schema: { type: 'integer', minimum: 1 }, description: 'Holter: rows per page (default 14)' },
  { name: 'rhythm', in: 'query', schema: { type: 'string' }, description: 'rhythm-strip leads under a 12-lead layout, comma-separated, or none (default II)' },
  { name: 'show', in: 'query', schema: { type: 'string' }, description: 'overlays: any of beats,classes,waves,rhythm,quality (default beats,classes,rhythm,quality)' },
  { name: 'marks', in: 'query', schema: { type: 'string', enum: ['analysis', 'reference', 'none'] }, description: 'where marks come from (default analysis)' },
];

/** The service's OpenAPI 3.1 document, served at /openapi.json. */
export function openApiDocument(limits: { maxUploadBytes: number; maxRecordDurationS: number; limits?: { maxLeads?: number; maxTotalSamples?: number } }) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'sinus ECG analysis service',
      version: SINUS_VERSION,
      description: `Upload one ECG record, get its Analysis (schema/analysis.schema.json) and paper-layout pictures. Formats: WFDB, EDF/EDF+, MAT v4, CSV/TSV, sinus JSON, HL7 aECG, DICOM waveform, SCP-ECG, GE MUSE XML, Philips XML/XLI, Philips MRx, ISHNE Holter. Limits: ${limits.maxUploadBytes} bytes per upload, ${limits.maxRecordDurationS} s per record, ${limits.limits?.maxLeads ?? 'any number of'} leads, ${limits.limits?.maxTotalSamples ?? 'any number of'} samples over all leads (checked from the header before decoding; over a limit: 413 naming it). Authentication: Authorization: Bearer <key> or X-API-Key when the service has keys; without keys it answers on loopback only. When busy the service answers 503 with Retry-After.`,
    },
    paths: {
      '/health': { get: { summary: 'liveness and load', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { status: { const: 'ok' }, version: { type: 'string' }, running: { type: 'integer' }, queued: { type: 'integer' }, stored: { type: 'integer' } } } } } } } } },
      '/openapi.json': { get: { summary: 'this document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
      '/schema/analysis.schema.json': { get: { summary: 'JSON Schema of the Analysis document', responses: { '200': { description: 'JSON Schema 2020-12' } } } },
      '/v1/analyze': {
        post: {
          summary: 'analyse an uploaded record (nothing is kept)',
          parameters: [{ name: 'only', in: 'query', schema: { type: 'string' } }, { name: 'skip', in: 'query', schema: { type: 'string' } }],
          requestBody: upload,
          responses: {
            '200': { description: 'the Analysis', content: { 'application/json': { schema: { $ref: '/schema/analysis.schema.json' } } } },
            '400': errorResponse('bad request (no file, several records, bad parameter)'),
            '413': errorResponse('upload or record too large'),
            '415': errorResponse('format not supported'),
            '422': errorResponse('the file is damaged or holds no usable signal'),
            '503': errorResponse('busy; retry after the Retry-After seconds'),
          },
        },
      },
      '/v1/records': {
        post: {
          summary: 'upload and analyse a record and keep it in the store (GET lists them: ?limit, ?after, ?patient)',
          requestBody: upload,
          responses: {
            '201': { description: 'stored', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' }, analysis: { $ref: '/schema/analysis.schema.json' }, links: { type: 'object' } } } } } },
            '400': errorResponse('bad request'), '413': errorResponse('too large'), '415': errorResponse('unsupported'), '422': errorResponse('damaged'), '503': errorResponse('busy'),
          },
        },
      },
      '/v1/records/{id}': {
        get: { summary: 'a stored record (without its bytes)', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'StoredRecordSummary' }, '404': errorResponse('unknown id') } },
        delete: { summary: 'delete a stored record with its analysis and embeddings', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '204': { description: 'deleted' }, '404': errorResponse('unknown id') } },
      },
      '/v1/records/{id}/similar': {
        get: {
          summary: 'the nearest stored records (features-v1 embedding)',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'k', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
            { name: 'samePatient', in: 'query', schema: { type: 'boolean' } },
            { name: 'statement', in: 'query', schema: { type: 'string' } },
            { name: 'minAge', in: 'query', schema: { type: 'number' } },
            { name: 'maxAge', in: 'query', schema: { type: 'number' } },
          ],
          responses: { '200': { description: '{ id, neighbours: [{ id, distance, record, statements }] }' }, '404': errorResponse('unknown id') },
        },
      },
      '/v1/records/{id}/analysis': { get: { summary: 'the stored Analysis', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'Analysis' }, '404': errorResponse('unknown or expired id') } } },
      '/v1/records/{id}/render.{format}': {
        get: {
          summary: 'the record on ECG paper',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['svg', 'png', 'pdf'] } }, ...renderParams],
          responses: { '200': { description: 'image/svg+xml, image/png or application/pdf' }, '400': errorResponse('bad parameter'), '404': errorResponse('unknown or expired id') },
        },
      },
    },
    components: {
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } } },
      },
    },
  };
}

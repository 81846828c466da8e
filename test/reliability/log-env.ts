// Imported first by secret-scan.test.ts: n8n-core builds its logger once, from the environment,
// so the level must be set before the harness loads it (test/n8n/n8n-env.ts only sets a default).
process.env.N8N_LOG_LEVEL = 'debug';
process.env.N8N_LOG_OUTPUT = 'console';

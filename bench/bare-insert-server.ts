/**
 * The limit `npm run bench:http` compares the service with: a bare Node HTTP handler that reads a
 * JSON body and writes it with one INSERT (autocommit) on the same PostgreSQL, through a pool as large
 * as the service's. No framework, no validation, no authentication: what one write per request
 * costs on this machine. Started by the benchmark as a process of its own, like the service.
 * Env: DATABASE_URL, PORT, DATABASE_POOL_SIZE (default 10, the service's default).
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8') || '{}';
    pool.query({ name: 'bare-insert', text: 'INSERT INTO bench_bare (path, body) VALUES ($1, $2) RETURNING id', values: [request.url, body] }).then(
      ({ rows }) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id: rows[0].id }));
      },
      (error: Error) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ message: error.message }));
      },
    );
  });
});

server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));

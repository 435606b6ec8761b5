/**
 * The physical limit for the public lookup over HTTP on this machine: bare Fastify (no hooks, no
 * schemas, no logging) answering each request with ONE hand-written statement through a pg pool,
 * the same statements the lookup benchmark times sequentially (by name: `/n` the tokens-only
 * statement of the first floor, `/p` the product's own statement). Run by bench/public-lookup.bench.ts.
 * Env: PORT, DATABASE_URL. Prints the address when listening.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { loadSearchDictionary } from '../server/src/modules/entities/index.js';
import { BY_NAME_PRODUCT_SQL, BY_NAME_SQL, BY_USCC_SQL, byNameParams } from './public-lookup.sql.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const nameParams = await byNameParams(pool);
loadSearchDictionary();
const app = Fastify({ logger: false });
app.get<{ Params: { uscc: string } }>('/u/:uscc', async (req) => (await pool.query(BY_USCC_SQL, [req.params.uscc])).rows[0]);
app.get<{ Querystring: { name: string } }>('/n', async (req) => (await pool.query(BY_NAME_SQL, nameParams.tokens(req.query.name))).rows);
// The product's own statement (tokens, and the rare-part fallback when no token matches).
app.get<{ Querystring: { name: string } }>('/p', async (req) => (await pool.query(BY_NAME_PRODUCT_SQL, nameParams.product(req.query.name))).rows);
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log(address);

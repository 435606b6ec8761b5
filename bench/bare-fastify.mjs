// The physical limit for an HTTP route on this machine: bare Fastify returning a constant.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/const', async () => ({ ok: true }));
const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log(address);

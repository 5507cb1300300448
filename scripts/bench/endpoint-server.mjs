// Our endpoint alone (no static site), the way `npm run serve` runs it with SERVE_STATIC=0; with
// REDIS_URL set, sessions live in Redis as with several instances.
// Run with `node --import tsx scripts/bench/endpoint-server.mjs`.
// Prints {"port": N} on stdout once listening on 127.0.0.1.
const {startServer} = await import('../../src/endpoint/node-server.ts');
const {createRedisSessionStore} = await import('../../src/endpoint/store/redis.ts');

const store = process.env.REDIS_URL ? createRedisSessionStore({url: process.env.REDIS_URL}) : undefined;
if (store && !(await store.ready())) throw new Error(`Redis at ${process.env.REDIS_URL} is not reachable.`);
const server = await startServer({port: 0, host: '127.0.0.1', buildDir: null, ...(store ? {store} : {})});
console.log(JSON.stringify({port: Number(new URL(server.url).port)}));
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));

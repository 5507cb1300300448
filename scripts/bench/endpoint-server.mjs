// Our endpoint alone (no static site), the way `npm run serve` runs it with SERVE_STATIC=0.
// Run with `node --import tsx scripts/bench/endpoint-server.mjs`.
// Prints {"port": N} on stdout once listening on 127.0.0.1.
const {startServer} = await import('../../src/endpoint/node-server.ts');

const server = await startServer({port: 0, host: '127.0.0.1', buildDir: null});
console.log(JSON.stringify({port: Number(new URL(server.url).port)}));
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));

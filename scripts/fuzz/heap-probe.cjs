// Loaded into the server under test (node --expose-gc --require): answers a 'heap' message from
// the fuzz or soak runner with the heap in use after a full garbage collection.
process.on('message', (message) => {
  if (message !== 'heap' || !process.send) return;
  if (global.gc) global.gc();
  process.send({heapUsed: process.memoryUsage().heapUsed, rss: process.memoryUsage().rss});
});

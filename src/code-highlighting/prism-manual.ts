// Prism highlights every `code[class*="language-"]` on the page by itself, a frame after it loads,
// unless told not to before it runs. Our code blocks are drawn by React, so Prism must only
// tokenize when asked. Imported first by ./prism.ts, ahead of Prism's core.
const scope = globalThis as {Prism?: {manual?: boolean; disableWorkerMessageHandler?: boolean}};
scope.Prism = {...scope.Prism, manual: true, disableWorkerMessageHandler: true};

export {};

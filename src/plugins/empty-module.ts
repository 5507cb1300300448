// Stands in for a module whose work is done elsewhere (see lazy-code-highlighting.ts).
export {};

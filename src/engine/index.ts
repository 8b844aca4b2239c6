// The engine's public surface. Imports nothing from Phaser, Howler, Fastify, Node or the DOM.
export * from './moves.ts';
export * from './schema.ts';
export * from './load.ts';
export * from './customer.ts';
export * from './rubric.ts';
export * from './score.ts';
export * from './conversation.ts';
export * from './compile.ts';
export * from './replay.ts';
export * from './report.ts';
export * from './routes.ts';

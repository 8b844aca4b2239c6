// The palette lives with the drawing code (src/server/media/palette.ts), shared with the server.
export * from '../../src/server/media/palette.ts';

/**
 * The scenario layer (场景): schema, validation with field paths, conversion to the rule and
 * clearing parameters, and differences between scenarios. Browser-safe; the Node file loader is in
 * `./node`.
 */
export * from './behaviour';
export * from './convert';
export * from './diff';
export * from './errors';
export * from './fields';
export * from './formats';
export * from './jsonText';
export * from './notes';
export * from './parameters';
export * from './parse';
export * from '../text/quote';
export * from './schema';
export * from './storyParse';
export * from './storyRun';
export * from './storySchema';
export * from './structure';

/** Types for Comlink's Node adapter, which the package ships as `.mjs` with a `.d.ts` beside it. */
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}

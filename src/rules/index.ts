/** The rules core: rule ids, parameters, types, the ledger, pure decisions and the sharing book. */
export * from './accounts';
export * from './book';
export * from './eligibility';
export * from './ids';
export * from './ledger';
export * from './money';
export * from './parameters';
export * from './payment';
export * from './quota';
export * from './refusal';
export * from './relationship';
export * from './time';
export * from './types';

// Re-exports of the operator constructs (each construct's file adds its line here).
export * from './crds';
export * from './operator';

// Re-exports of the patterns constructs (each construct's file adds its line here).
export {};

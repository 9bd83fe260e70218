// Re-exports of the rules constructs (each construct's file adds its line here).
export {};

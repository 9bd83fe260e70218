// Re-exports of the prometheus constructs (each construct's file adds its line here).
export {};

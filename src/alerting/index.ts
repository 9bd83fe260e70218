// Re-exports of the alerting constructs (each construct's file adds its line here).
export {};

// Re-exports of the monitors constructs (each construct's file adds its line here).
export {};

// Re-exports of the prometheus constructs (each construct's file adds its line here).
export * from './prometheus';
export * from './storage';
export * from './remote-write';
export * from './thanos';
export * from './scrape-class';
export * from './security';

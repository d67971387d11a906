// Every runtime the tests create starts its emulated clock at one fixed instant (src/local/runtime/env.ts
// startOffset), the day the tests' fixed dates were written for, so they pass on whatever day CI runs them. Child
// processes (the e2e workbench) inherit it.
process.env.DATADESK_CLOCK_START = process.env.DATADESK_CLOCK_START || '2026-11-30T12:00:00Z';

// RPC functions the budget sidebars call (placeholder until the capability lands).
export {};

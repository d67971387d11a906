// RPC functions the reports sidebars call (placeholder until the capability lands).
export {};

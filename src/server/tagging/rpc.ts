// RPC functions the tagging sidebars call (placeholder until the capability lands).
export {};

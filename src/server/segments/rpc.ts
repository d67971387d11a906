// RPC functions the segments sidebars call (placeholder until the capability lands).
export {};

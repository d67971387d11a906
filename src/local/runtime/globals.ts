// What the runtime takes away from scripts (Node's globals) and what google.script.run refuses to carry.

/** Globals Node has and Apps Script does not; removed before the bundle runs. */
export const NODE_ONLY_GLOBALS = [
  'process',
  'Buffer',
  'global',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'clearImmediate',
  'fetch',
  'Request',
  'Response',
  'Headers',
  'FormData',
  'TextEncoder',
  'TextDecoder',
  'URL',
  'URLSearchParams',
  'atob',
  'btoa',
  'structuredClone',
  'AbortController',
  'AbortSignal',
  'Event',
  'EventTarget',
  'MessageChannel',
  'MessagePort',
  'MessageEvent',
  'BroadcastChannel',
  'Blob',
  'File',
  'performance',
  'navigator',
  'crypto',
  'Crypto',
  'CryptoKey',
  'SubtleCrypto',
  'WebSocket',
  'queueMicrotask',
  'require',
  'module',
  'exports',
  'DOMException',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'CompressionStream',
  'DecompressionStream',
  'EventSource',
  'CustomEvent',
  'Navigator',
  'PerformanceEntry',
  'PerformanceMark',
  'PerformanceMeasure',
  'PerformanceObserver',
  'PerformanceObserverEntryList',
  'PerformanceResourceTiming',
  'BlobReader',
  'TextEncoderStream',
  'TextDecoderStream',
  'ByteLengthQueuingStrategy',
  'CountQueuingStrategy',
  'ReadableStreamDefaultReader',
  'WritableStreamDefaultWriter',
  'ReadableByteStreamController',
  'ReadableStreamBYOBReader',
  'ReadableStreamBYOBRequest',
  'ReadableStreamDefaultController',
  'TransformStreamDefaultController',
  'WritableStreamDefaultController',
  'SharedArrayBuffer',
  'Atomics',
  'localStorage',
  'sessionStorage',
  'Storage',
];

/** Whether a value can be carried by google.script.run (guides/html/reference/run). */
export function rpcIllegal(v: unknown, path = 'result'): string | null {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === undefined) return null;
  if (typeof v === 'function') return `${path} is a function`;
  if (Object.prototype.toString.call(v) === '[object Date]') return `${path} is a Date`;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const bad = rpcIllegal(v[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (typeof v === 'object') {
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return `${path} is an instance of ${proto?.constructor?.name ?? 'a class'}`;
    for (const k of Object.keys(v as object)) {
      const bad = rpcIllegal((v as Record<string, unknown>)[k], `${path}.${k}`);
      if (bad) return bad;
    }
    return null;
  }
  return `${path} has type ${typeof v}`;
}

// Wraps each RPC function: user-facing errors cross as a typed payload, everything else stays in the log; no answer
// carries a secret (core/secrets.ts masks every string of the result, success or failure).
import { AppError, RPC_ERROR_PREFIX, toPayload, errorStack } from './errors';
import { maskDeep } from './secrets';

/** Runs an RPC body; an error leaves as `DATADESK_ERROR:{code,message,messageEn}` for the client wrapper to parse. */
export function rpc<T>(name: string, body: () => T): T {
  try {
    return maskDeep(body());
  } catch (e) {
    if (!(e instanceof AppError)) console.error(`${name} failed: ${errorStack(e)}`);
    throw new Error(RPC_ERROR_PREFIX + JSON.stringify(toPayload(e)));
  }
}

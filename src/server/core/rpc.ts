// Wraps each RPC function: user-facing errors cross as a typed payload, everything else stays in the log.
import { AppError, RPC_ERROR_PREFIX, toPayload, errorStack } from './errors';

/** Runs an RPC body; an error leaves as `DATADESK_ERROR:{code,message,messageEn}` for the client wrapper to parse. */
export function rpc<T>(name: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (!(e instanceof AppError)) console.error(`${name} failed: ${errorStack(e)}`);
    throw new Error(RPC_ERROR_PREFIX + JSON.stringify(toPayload(e)));
  }
}

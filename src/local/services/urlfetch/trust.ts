// The certificate authorities the emulator's UrlFetchApp trusts besides Node's public roots: the local stand-ins'
// self-signed one (an emulator-side setting, as Google's servers trust the public CAs; validateHttpsCertificates keeps
// its meaning: true checks against these, false checks nothing).
import { createSecureContext, rootCertificates, SecureContext } from 'node:tls';

const extra = new Set<string>();
/** Built once for the CAs trusted now: parsing ~150 root certificates takes ~40 ms, too much for every request. */
let context: SecureContext | undefined;

/** Trusts `pem` (a CA certificate) for every https request this process's runtimes send from now on. */
export function trustLocalCa(pem: string): void {
  if (extra.has(pem)) return;
  extra.add(pem);
  context = createSecureContext({ ca: [...rootCertificates, ...extra] });
}

/** The TLS context for an https request: undefined (Node's defaults) while no local CA is trusted. */
export function trustedContext(): SecureContext | undefined {
  return context;
}

// The certificate authorities the emulator's UrlFetchApp trusts besides Node's public roots: the local stand-ins'
// self-signed one (an emulator-side setting, as Google's servers trust the public CAs; validateHttpsCertificates keeps
// its meaning: true checks against these, false checks nothing).
import { rootCertificates } from 'node:tls';

const extra = new Set<string>();

/** Trusts `pem` (a CA certificate) for every https request this process's runtimes send from now on. */
export function trustLocalCa(pem: string): void {
  extra.add(pem);
}

/** The CA list for an https request: undefined (Node's defaults) while no local CA is trusted. */
export function trustedCas(): string[] | undefined {
  return extra.size ? [...rootCertificates, ...extra] : undefined;
}

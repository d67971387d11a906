// The local stand-ins' https: one self-signed certificate for 127.0.0.1 and localhost, made in memory when first asked
// for (never written to disk, never committed) and trusted by the emulator's UrlFetchApp from then on.
import { generate } from 'selfsigned';
import { trustLocalCa } from '../services/urlfetch/trust';

export interface LocalTls {
  key: string;
  cert: string;
}

let made: Promise<LocalTls> | null = null;

/** This process's certificate and key (made once), its certificate trusted by the emulator's UrlFetchApp. */
export function localTls(): Promise<LocalTls> {
  made ??= makeTls();
  return made;
}

async function makeTls(): Promise<LocalTls> {
  const pems = await generate([{ name: 'commonName', value: 'DataDesk local stand-ins' }], {
    notAfterDate: new Date(Date.now() + 30 * 86_400_000),
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  });
  trustLocalCa(pems.cert);
  return { key: pems.private, cert: pems.cert };
}

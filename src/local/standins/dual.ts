// One port that speaks both http and https: the first byte of a connection tells them apart (a TLS handshake starts
// with 0x16), so a stand-in's pictures can be linked as http:// and https:// on the port its settings remember.
import { createServer as createNetServer, Server, Socket } from 'node:net';
import { createServer as createHttpServer, IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { localTls } from './tls';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface DualServer {
  port: number;
  close(): Promise<void>;
}

const TLS_HANDSHAKE = 0x16;

/** Listens on `port` (0 = any free one) at `host`, answering http and https with `handler`. */
export async function listenDual(handler: Handler, port: number, host: string): Promise<DualServer> {
  const plain = createHttpServer(handler);
  const secure = createHttpsServer(await localTls(), handler);
  plain.keepAliveTimeout = secure.keepAliveTimeout = 30_000;
  const sockets = new Set<Socket>();
  const front: Server = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === TLS_HANDSHAKE ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(port, host, () => resolve());
  });
  const close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      front.close(() => resolve());
    });
  return { port: (front.address() as { port: number }).port, close };
}

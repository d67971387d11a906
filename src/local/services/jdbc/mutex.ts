// The embedded database's exclusive lock: FIFO, owned by one JDBC connection at a time, cancellable when it closes.
import { GasError } from '../../runtime/types';

interface Waiter {
  owner: { execId: string };
  resolve: () => void;
  reject: (e: Error) => void;
}

export class Mutex {
  private owner: { execId: string } | null = null;
  private queue: Waiter[] = [];

  get holder(): { execId: string } | null {
    return this.owner;
  }

  acquire(owner: { execId: string }): Promise<void> {
    if (this.owner === owner) return Promise.resolve();
    if (!this.owner) {
      this.owner = owner;
      return Promise.resolve();
    }
    if (this.owner.execId === owner.execId) {
      // Two connections of one execution: the second would wait for the first forever.
      return Promise.reject(
        new GasError(
          'not emulated: a second Jdbc connection of this execution used the embedded database while the first holds an open transaction (the embedded PostgreSQL has a single session).',
          'Error',
        ),
      );
    }
    return new Promise((resolve, reject) => this.queue.push({ owner, resolve, reject }));
  }

  release(owner: { execId: string }): void {
    if (this.owner !== owner) return;
    const next = this.queue.shift();
    this.owner = next ? next.owner : null;
    next?.resolve();
  }

  /** Drops a closed connection's pending wait. */
  cancel(owner: { execId: string }): void {
    const mine = this.queue.filter((w) => w.owner === owner);
    this.queue = this.queue.filter((w) => w.owner !== owner);
    for (const w of mine) w.reject(new GasError('The connection is closed.'));
  }
}

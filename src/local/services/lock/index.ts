// LockService: real mutual exclusion between executions that run at once (script, user and document locks).
import type { ExecContext } from '../../runtime/types';
import { GasError } from '../../runtime/types';
import type { RuntimeEnv, Store } from '../../runtime/env';

/** Apps Script's waitLock timeout text (widely quoted from real executions; reference/lock/lock#waitLock). */
export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

interface Waiter {
  execId: string;
  grant: (ok: boolean) => void;
  timer: NodeJS.Timeout;
}

/** Host side: who holds which lock, and who waits for it (first come, first served). Timeouts are real time: a lock
 * wait is the one place where executions genuinely wait for each other. */
export class LockManager implements Store {
  private holders = new Map<string, string>();
  private waiters = new Map<string, Waiter[]>();

  holder(key: string): string | null {
    return this.holders.get(key) ?? null;
  }

  /** Resolves true once `execId` holds `key`, false when `timeoutMs` passes first. */
  acquire(key: string, execId: string, timeoutMs: number): Promise<boolean> | boolean {
    const h = this.holders.get(key);
    if (h === undefined || h === execId) {
      this.holders.set(key, execId);
      return true;
    }
    if (!(timeoutMs > 0)) return false;
    return new Promise<boolean>((resolve) => {
      const q = this.waiters.get(key) ?? [];
      this.waiters.set(key, q);
      const w: Waiter = {
        execId,
        grant: (ok) => {
          clearTimeout(w.timer);
          resolve(ok);
        },
        timer: setTimeout(() => {
          const i = q.indexOf(w);
          if (i >= 0) q.splice(i, 1);
          resolve(false);
        }, timeoutMs),
      };
      q.push(w);
    });
  }

  release(key: string, execId: string): void {
    if (this.holders.get(key) !== execId) return;
    this.holders.delete(key);
    const q = this.waiters.get(key);
    const next = q?.shift();
    if (next) {
      this.holders.set(key, next.execId);
      next.grant(true);
    }
  }

  /** At the end of an execution: releases what it holds and withdraws what it waits for. */
  releaseAll(execId: string): void {
    for (const [key, q] of this.waiters) {
      for (const w of q.filter((x) => x.execId === execId)) {
        q.splice(q.indexOf(w), 1);
        w.grant(false);
      }
      if (!q.length) this.waiters.delete(key);
    }
    for (const [key, h] of [...this.holders]) if (h === execId) this.release(key, execId);
  }

  /** Locks live only in memory: a restart ends every execution that could hold one. */
  save(): void {}

  /** Host API (workbench, tests): every held lock → execution id. */
  held(): Record<string, string> {
    return Object.fromEntries(this.holders);
  }
}

export function lockManager(env: RuntimeEnv): LockManager {
  return env.store('locks', () => new LockManager());
}

export class Lock implements Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  static readonly gasName = 'Lock';
  constructor(
    private mgr: LockManager,
    private key: string,
    private ctx: ExecContext,
  ) {}
  private checkTimeout(ms: number): number {
    const n = Number(ms);
    if (!Number.isFinite(n) || n < 0) throw new GasError(`Invalid argument: timeoutInMillis`);
    return n;
  }
  tryLock(timeoutInMillis: number): boolean {
    return this.mgr.acquire(this.key, this.ctx.id, this.checkTimeout(timeoutInMillis)) as boolean;
  }
  waitLock(timeoutInMillis: number): void {
    const r = this.mgr.acquire(this.key, this.ctx.id, this.checkTimeout(timeoutInMillis));
    const fail = (ok: boolean) => {
      if (!ok) throw new GasError(LOCK_TIMEOUT);
    };
    if (typeof r === 'boolean') return fail(r);
    return r.then(fail) as unknown as undefined;
  }
  releaseLock(): void {
    this.mgr.release(this.key, this.ctx.id);
  }
  hasLock(): boolean {
    return this.mgr.holder(this.key) === this.ctx.id;
  }
}

export class LockService implements Pick<GoogleAppsScript.Lock.LockService, 'getScriptLock' | 'getUserLock' | 'getDocumentLock'> {
  static readonly gasName = 'LockService';
  constructor(
    private ctx: ExecContext,
    private mgr: LockManager,
  ) {}
  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return new Lock(this.mgr, 'script', this.ctx);
  }
  getUserLock(): GoogleAppsScript.Lock.Lock {
    return new Lock(this.mgr, `user:${this.ctx.user}`, this.ctx);
  }
  /** null outside a container document (reference/lock/lock-service#getDocumentLock). */
  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    if (!this.ctx.documentId) return null as unknown as GoogleAppsScript.Lock.Lock;
    return new Lock(this.mgr, `doc:${this.ctx.documentId}`, this.ctx);
  }
}

export function createLockService(ctx: ExecContext, env: RuntimeEnv): object {
  const mgr = lockManager(env);
  ctx.onEnd(() => mgr.releaseAll(ctx.id));
  return new LockService(ctx, mgr);
}

// Starts the local stand-ins of Google-only services with the workbench and tells the runtime where they are.
import { createServer } from 'node:net';
import type { Runtime } from '../runtime/runtime';
import { startGeminiStandin } from '../standins/gemini/index';
import { startWebhookStandin, ReceivedWebhook } from '../standins/webhooks/index';
import { DEMO_WEBHOOK_PORT } from '../demo/reports';
import { DEMO_GEMINI_PORT } from '../demo/tagging';
import { startXenditStandin, XenditStandin, DEMO_XENDIT_PORT } from '../standins/xendit/index';

export interface Standins {
  /** What the webhook stand-in received (newest last). */
  webhooks(): ReceivedWebhook[];
  /** The Xendit stand-in (null when settings.xenditUrl points at another server). */
  xendit: XenditStandin | null;
  /** Tells the stand-ins where the workbench listens (Xendit callbacks to script.google.com web-app URLs go there). */
  setWorkbenchUrl(url: string): void;
  stop(): Promise<void>;
}

/** A web app's Google URL → the workbench's own /exec route (other URLs are left alone). */
export function localWebAppUrl(url: string, workbenchUrl: string | null): string {
  const m = /^https:\/\/script\.google\.com\/macros\/s\/([A-Za-z0-9_-]+)\/exec(\/[^?#]*)?(\?.*)?$/.exec(url);
  if (!m || !workbenchUrl) return url;
  return `${workbenchUrl.replace(/\/$/, '')}/exec/${m[1]}${m[2] ?? ''}${m[3] ?? ''}`;
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/** Gemini and the chat webhooks on localhost; settings already given (real endpoints) are kept. `fixedPorts`: each
 * stand-in takes the demo's well-known port when it is free (npm start: URLs seeded into script properties stay
 * valid across restarts), else any free port (tests). */
export async function startStandins(rt: Runtime, log: (line: string) => void, fixedPorts: boolean): Promise<Standins> {
  const settings = rt.env.config.settings;
  const stops: Array<() => Promise<void>> = [];
  let hooks: (() => ReceivedWebhook[]) | null = null;
  if (!settings.webhooksUrl) {
    const port = fixedPorts && (await portFree(DEMO_WEBHOOK_PORT)) ? DEMO_WEBHOOK_PORT : 0;
    const w = await startWebhookStandin({
      port,
      onMessage: (m) => rt.env.emitEvent({ type: 'change', scope: 'webhooks', id: m.path }),
    });
    settings.webhooksUrl = w.url;
    hooks = () => w.received();
    stops.push(() => w.close());
    log(`stand-in: chat webhooks at ${w.url}`);
  }
  if (!settings.geminiUrl) {
    const port = fixedPorts && (await portFree(DEMO_GEMINI_PORT)) ? DEMO_GEMINI_PORT : 0;
    const g = await startGeminiStandin({ port });
    settings.geminiUrl = g.url;
    stops.push(() => g.close());
    log(`stand-in: Gemini generateContent at ${g.url}`);
  }
  let xendit: XenditStandin | null = null;
  let workbenchUrl: string | null = null;
  if (!settings.xenditUrl) {
    const port = fixedPorts && (await portFree(DEMO_XENDIT_PORT)) ? DEMO_XENDIT_PORT : 0;
    const x = await startXenditStandin({
      port,
      now: () => rt.env.clock.now(),
      stateFile: rt.env.path('xendit.json'),
      resolveCallbackUrl: (u) => localWebAppUrl(u, workbenchUrl),
      onChange: (id) => rt.env.emitEvent({ type: 'change', scope: 'xendit', id }),
    });
    xendit = x;
    settings.xenditUrl = x.url;
    // invoices expire on the emulated clock: moving it expires what fell due (with callbacks)
    const onClock = (e: { type: string; scope?: string }) => {
      if (e.type === 'change' && e.scope === 'clock') void x.sweep();
    };
    rt.env.on('event', onClock);
    stops.push(async () => {
      rt.env.off('event', onClock);
      await x.close();
    });
    log(`stand-in: Xendit Invoice API at ${x.url}`);
  }
  return {
    xendit,
    setWorkbenchUrl: (u) => {
      workbenchUrl = u;
    },
    webhooks: () => (hooks ? hooks() : []),
    async stop() {
      for (const s of stops.reverse()) await s().catch(() => undefined);
    },
  };
}

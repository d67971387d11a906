// Starts the local stand-ins of Google-only services with the workbench and tells the runtime where they are.
import type { Runtime } from '../runtime/runtime';
import { startGeminiStandin } from '../standins/gemini/index';
import { geminiRefusedTokensCount } from '../runtime/calibration';
import { startWebhookStandin, ReceivedWebhook } from '../standins/webhooks/index';
import { startXenditStandin, XenditStandin } from '../standins/xendit/index';
import { portOf, relocate, rememberedUrls, rememberUrl, STANDIN_SETTING, StandinName } from '../standins/ports';

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

/**
 * Starts `name` on the port this state folder remembers (so the URLs its demo settings hold stay valid), or on a free
 * port when that one is taken or none is remembered; when the port moved, the seeded settings and sheets follow.
 */
async function onOwnPort<T extends { url: string }>(
  rt: Runtime,
  name: StandinName,
  start: (port: number) => Promise<T>,
  log: (line: string) => void,
): Promise<T> {
  const before = rememberedUrls(rt.env)[name];
  let s: T;
  try {
    s = await start(portOf(before));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    s = await start(0);
  }
  if (before && before !== s.url) {
    const n = await relocate(rt.env, before, s.url);
    log(`stand-in: ${name} moved from ${before} (taken) to ${s.url}; ${n} seeded setting(s) and cell(s) follow it`);
  }
  rememberUrl(rt.env, name, s.url);
  rt.env.config.settings[STANDIN_SETTING[name]] = s.url;
  return s;
}

/** Gemini, the chat webhooks and Xendit on localhost, each on this workbench's own ports and on its emulated clock;
 * settings already given (real endpoints, another stand-in) are kept. */
export async function startStandins(rt: Runtime, log: (line: string) => void): Promise<Standins> {
  const settings = rt.env.config.settings;
  const now = () => rt.env.clock.now();
  const stops: Array<() => Promise<void>> = [];
  let hooks: (() => ReceivedWebhook[]) | null = null;
  if (!settings.webhooksUrl) {
    const w = await onOwnPort(
      rt,
      'webhooks',
      (port) =>
        startWebhookStandin({
          port,
          now,
          stateFile: rt.env.path('webhooks.json'),
          onMessage: (m) => rt.env.emitEvent({ type: 'change', scope: 'webhooks', id: m.path }),
        }),
      log,
    );
    hooks = () => w.received();
    stops.push(() => w.close());
    log(`stand-in: chat webhooks at ${w.url}`);
  }
  if (!settings.geminiUrl) {
    const g = await onOwnPort(
      rt,
      'gemini',
      (port) => startGeminiStandin({ port, now, refusedTokensCount: geminiRefusedTokensCount(rt.env.config.stateDir) }),
      log,
    );
    stops.push(() => g.close());
    log(`stand-in: Gemini generateContent at ${g.url}`);
  }
  let xendit: XenditStandin | null = null;
  let workbenchUrl: string | null = null;
  if (!settings.xenditUrl) {
    const x = await onOwnPort(
      rt,
      'xendit',
      (port) =>
        startXenditStandin({
          port,
          now,
          stateFile: rt.env.path('xendit.json'),
          resolveCallbackUrl: (u) => localWebAppUrl(u, workbenchUrl),
          onChange: (id) => rt.env.emitEvent({ type: 'change', scope: 'xendit', id }),
        }),
      log,
    );
    xendit = x;
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

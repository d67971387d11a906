// Starts the local stand-ins of Google-only services with the workbench and tells the runtime where they are.
import { createServer } from 'node:net';
import type { Runtime } from '../runtime/runtime';
import { startGeminiStandin } from '../standins/gemini/index';
import { startWebhookStandin, ReceivedWebhook } from '../standins/webhooks/index';
import { DEMO_WEBHOOK_PORT } from '../demo/reports';
import { DEMO_GEMINI_PORT } from '../demo/tagging';

export interface Standins {
  /** What the webhook stand-in received (newest last). */
  webhooks(): ReceivedWebhook[];
  stop(): Promise<void>;
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
  return {
    webhooks: () => (hooks ? hooks() : []),
    async stop() {
      for (const s of stops.reverse()) await s().catch(() => undefined);
    },
  };
}

// The chat-webhook stand-in answers like Google Chat, Telegram and Discord and records what was posted.
import { startWebhookStandin, WebhookStandin } from '../../../../src/local/standins/webhooks';

let s: WebhookStandin;
beforeAll(async () => {
  s = await startWebhookStandin();
});
afterAll(() => s.close());
beforeEach(() => s.clear());

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('webhook stand-in', () => {
  it('Google Chat: {text} → 200 with the created message (developers.google.com/workspace/chat/quickstart/webhooks)', async () => {
    const r = await post(s.urls.google_chat, { text: 'halo' });
    expect(r.status).toBe(200);
    expect(await r.json()).toMatchObject({ name: expect.stringMatching(/^spaces\/AAAAdatadesk\/messages\//), text: 'halo' });
    expect((await post(s.urls.google_chat, {})).status).toBe(400);
    expect((await post(`${s.url}/v1/spaces/A/messages`, { text: 'x' })).status).toBe(400); // no key/token
    expect(s.received()).toEqual([expect.objectContaining({ format: 'google_chat', body: { text: 'halo' } })]);
  });

  it('Telegram sendMessage: chat_id + text → {ok:true,result} (core.telegram.org/bots/api#sendmessage)', async () => {
    const url = s.urls.telegram.replace(/\?.*$/, '');
    const r = await post(url, { chat_id: -1001234567, text: 'gagal' });
    expect(await r.json()).toMatchObject({ ok: true, result: { chat: { id: -1001234567 }, text: 'gagal' } });
    const bad = await post(url, { chat_id: 1, text: '' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ ok: false, error_code: 400, description: 'Bad Request: message text is empty' });
    expect(s.received().map((m) => m.format)).toEqual(['telegram']);
  });

  it('Discord execute webhook: {content} → 204, empty → 400 code 50006 (discord.com/developers/docs/resources/webhook)', async () => {
    expect((await post(s.urls.discord, { content: 'ok' })).status).toBe(204);
    const w = await post(s.urls.discord + '?wait=true', { content: 'ok2' });
    expect(await w.json()).toMatchObject({ content: 'ok2' });
    const bad = await post(s.urls.discord, { content: '' });
    expect(await bad.json()).toEqual({ message: 'Cannot send an empty message', code: 50006 });
    expect((await post(s.urls.discord, { content: 'x'.repeat(2001) })).status).toBe(400);
    expect(s.received().map((m) => m.body)).toEqual([{ content: 'ok' }, { content: 'ok2' }]);
  });

  it('rejects unknown paths and other methods', async () => {
    expect((await post(`${s.url}/hooks/x`, { text: 'x' })).status).toBe(404);
    expect((await fetch(s.urls.discord)).status).toBe(405);
    expect(s.received()).toEqual([]);
  });
});

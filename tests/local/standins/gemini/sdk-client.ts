// Runs Google's official @google/genai SDK against a stand-in URL in a plain Node process (jest's sandbox hides the
// global Undici dispatcher the SDK needs) and prints what it got as JSON.
// Usage: sdk-client.ts <url> <key> <model> <mode> [picture URL]: mode 'tag' sends the picture inline, or as a fileData
// URL when one is given ('tag-low': the same, read at MEDIA_RESOLUTION_LOW); 'plain' sends text.
import { GoogleGenAI, MediaResolution, Type, type ThinkingConfig } from '@google/genai';
import { buildRequest } from '../../../../src/server/tagging/prompt';
import { productPng } from '../../../../src/local/standins/gemini/png';

async function main(): Promise<void> {
  const [url, key, model, mode, picture] = process.argv.slice(2);
  const ai = new GoogleGenAI({ apiKey: key, httpOptions: { baseUrl: url } });
  try {
    if (mode === 'tag' || mode === 'tag-low') {
      const req = buildRequest(
        [
          {
            sku: 'SDK-1',
            name: 'Rak Bumbu Dapur Kayu 3 Susun',
            category: 'Peralatan Dapur',
            image: picture
              ? { fileUri: picture, mimeType: picture.endsWith('.png') ? 'image/png' : 'image/jpeg' }
              : { mimeType: 'image/png', data: productPng('SDK-1').toString('base64') },
          },
        ],
        ['rak bumbu'],
        model,
      );
      const res = await ai.models.generateContent({
        model,
        contents: req.contents,
        config: {
          systemInstruction: req.systemInstruction,
          thinkingConfig: req.generationConfig.thinkingConfig as ThinkingConfig | undefined,
          ...(mode === 'tag-low' ? { mediaResolution: MediaResolution.MEDIA_RESOLUTION_LOW } : {}),
          responseMimeType: 'application/json',
          responseSchema: {
            type: Type.ARRAY,
            items: {
              type: Type.OBJECT,
              properties: { sku: { type: Type.STRING }, keywords: { type: Type.ARRAY, items: { type: Type.STRING } } },
            },
          },
        },
      });
      process.stdout.write(
        JSON.stringify({ ok: true, text: res.text, finishReason: res.candidates?.[0]?.finishReason, usage: res.usageMetadata }),
      );
    } else {
      const res = await ai.models.generateContent({ model, contents: 'halo' });
      process.stdout.write(JSON.stringify({ ok: true, text: res.text }));
    }
  } catch (e) {
    process.stdout.write(
      JSON.stringify({
        ok: false,
        name: (e as Error).name,
        status: (e as { status?: number }).status ?? null,
        message: (e as Error).message,
      }),
    );
  }
}
void main();

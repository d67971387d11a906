// Which pictures go to Gemini as URLs: the model's version, the link's scheme, host and extension, Google's refusal.
import { linkedPicture, modelTakesUrls, refusedFileUri } from '../../../src/server/tagging/picture-url';

describe('modelTakesUrls', () => {
  it('is true for Gemini 2.5 and later, false for 2.0, 1.5 and names it cannot read', () => {
    for (const m of [
      'gemini-2.5-flash',
      'gemini-2.5-flash-lite',
      'models/gemini-2.5-pro',
      'gemini-3-flash-preview',
      'gemini-3.5-flash',
    ])
      expect([m, modelTakesUrls(m)]).toEqual([m, true]);
    for (const m of [
      'gemini-2.0-flash',
      'gemini-2.0-flash-lite',
      'gemini-1.5-pro',
      'gemini-2-flash',
      'gemini-flash-latest',
      'my-tuned-model',
      '',
    ])
      expect([m, modelTakesUrls(m)]).toEqual([m, false]);
  });
});

describe('linkedPicture', () => {
  it('links an https picture with a known image extension, its type from the extension (query strings allowed)', () => {
    expect(linkedPicture('https://cdn.toko.id/p/rak.JPG')).toEqual({
      fileUri: 'https://cdn.toko.id/p/rak.JPG',
      mimeType: 'image/jpeg',
    });
    expect(linkedPicture('https://s3.example.com/b/rak.png?X-Amz-Signature=abc&X-Amz-Expires=600')?.mimeType).toBe('image/png');
    expect(linkedPicture('https://127.0.0.1:8443/images/A.webp')?.mimeType).toBe('image/webp');
    expect(linkedPicture('https://x.id/a.jpeg#top')?.mimeType).toBe('image/jpeg');
  });

  it('keeps http, Drive and Docs links and unknown extensions on the download path', () => {
    for (const u of [
      'http://cdn.toko.id/p/rak.jpg',
      'https://drive.google.com/uc?id=abc&export=download',
      'https://docs.google.com/a/rak.png',
      'https://cdn.toko.id/p/rak',
      'https://cdn.toko.id/p/rak.gif',
      'https://cdn.toko.id/p/rak.php?img=1.jpg',
      'ftp://x/a.jpg',
      '',
    ])
      expect([u, linkedPicture(u)]).toEqual([u, null]);
  });
});

describe('refusedFileUri', () => {
  const body = (message: string) => JSON.stringify({ error: { code: 400, message, status: 'INVALID_ARGUMENT' } }, null, 2);
  it("reads the URI a 400 'unsupported file uri' names (the Gemini API's and Vertex's wording)", () => {
    expect(refusedFileUri(400, body('Invalid or unsupported file uri: https://x.id/a.jpg'))).toBe('https://x.id/a.jpg');
    expect(refusedFileUri(400, body('Unsupported file uri: https://x.id/b.png?sig=1'))).toBe('https://x.id/b.png?sig=1');
    expect(refusedFileUri(400, body('Unsupported file uri'))).toBe('');
  });

  it('is null for any other answer', () => {
    expect(refusedFileUri(400, body('API key not valid. Please pass a valid API key.'))).toBeNull();
    expect(refusedFileUri(500, body('Invalid or unsupported file uri: https://x.id/a.jpg'))).toBeNull();
    expect(refusedFileUri(200, '{}')).toBeNull();
  });
});

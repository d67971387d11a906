// A sidebar links only over http(s) to Drive, Docs or the local workbench: everything else stays plain text.
import { safeHref } from '../../../src/client/core/links';

describe('safeHref', () => {
  it.each([
    'https://drive.google.com/file/d/1AbC_d-9/view?usp=drivesdk',
    'https://docs.google.com/spreadsheets/d/1xYz/edit#gid=0',
    'https://drive.google.com/drive/folders/1Folder',
    'http://127.0.0.1:8080/api/drive/view?id=abc',
    'http://localhost:5173/',
    '  https://drive.google.com/file/d/1/view  ',
  ])('allows %s', (u) => expect(safeHref(u)).toBe(u.trim()));

  it.each([
    'javascript:alert(document.domain)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/svg+xml;base64,PHN2Zz4=',
    'vbscript:msgbox(1)',
    'blob:https://drive.google.com/1234',
    'file:///etc/passwd',
    'http://drive.google.com/file/d/1/view',
    'https://drive.google.com.evil.example/x',
    'https://drive.google.com@evil.example/x',
    'https://evil.example/?https://drive.google.com/',
    '//drive.google.com/file/d/1',
    '/api/drive/file?id=1',
    'https://drive.google.com/\u0000javascript:x',
    '',
    null,
    42,
  ])('refuses %p', (u) => expect(safeHref(u)).toBeNull());
});

import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // For bundlers: dependencies stay imports; the phone and QR modules stay lazy chunks.
    entry: { index: 'src/index.ts', register: 'src/register.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    splitting: true,
    target: 'es2022',
    platform: 'browser',
  },
  {
    // For one <script type="module"> tag: everything bundled and minified; libphonenumber-js with its
    // metadata and the QR encoder are separate files, fetched only when their step opens.
    entry: { 'tidings-optin': 'src/register.ts', phone: 'src/phone/phone-lib.ts', qr: 'src/qr/qr-lib.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    dts: false,
    sourcemap: true,
    splitting: true,
    minify: true,
    target: 'es2022',
    platform: 'browser',
    noExternal: [/.*/],
  },
]);

/**
 * Makes an Office file (a zip) the same bytes every time: every entry dated `at`, and the
 * created and modified dates in docProps/core.xml set to `at`. The libraries stamp both with the
 * time of writing, which would make a frozen pack differ from itself when produced again.
 */
import JSZip from 'jszip';

export async function fixedZip(bytes: Buffer | Uint8Array, at: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const stamp = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  for (const name of Object.keys(source.files).sort()) {
    const entry = source.files[name]!;
    if (entry.dir) continue;
    let data: Uint8Array | string = await entry.async('uint8array');
    if (name === 'docProps/core.xml') {
      data = Buffer.from(data)
        .toString('utf8')
        .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
    }
    out.file(name, data, { date: at, createFolders: false });
  }
  // In name order, which puts [Content_Types].xml first, as Office expects.
  const generated = await out.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
  return generated;
}

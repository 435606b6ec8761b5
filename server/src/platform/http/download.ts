/**
 * The Content-Disposition of a download (RFC 6266): an ASCII `filename` for old clients and the
 * real, usually Chinese, name as `filename*` (RFC 5987 UTF-8), which every current browser prefers.
 * One place for it, so that no route hand-writes the quoting.
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

// Text for the XML we write (GraphML, the SVG picture). Escaping is not enough: XML 1.0 cannot carry
// most control characters even as references, and a record may hold one pasted from elsewhere, so
// they are left out rather than making the whole file unreadable.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

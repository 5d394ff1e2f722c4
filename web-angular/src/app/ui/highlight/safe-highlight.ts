/**
 * Reduces an API snippet to text plus `<mark>` elements. The API already escapes the text; this is
 * a second line of defence so that nothing but highlighting can ever reach the DOM.
 */
export function sanitizeHighlight(snippet: string | null | undefined): string {
  if (!snippet) {
    return '';
  }
  const template = document.createElement('template');
  template.innerHTML = snippet;
  return serialize(template.content);
}

function serialize(node: Node): string {
  let html = '';
  node.childNodes.forEach((child) => {
    if (child.nodeType === Node.TEXT_NODE) {
      html += escapeText(child.textContent ?? '');
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const inner = serialize(child);
      html += (child as Element).tagName === 'MARK' ? `<mark>${inner}</mark>` : inner;
    }
  });
  return html;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

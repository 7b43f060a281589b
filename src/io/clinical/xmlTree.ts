import { XMLParser } from 'fast-xml-parser';
import { SinusError } from '../../errors.js';

/** An XML element with namespace prefixes removed; `text` is its own text with comments dropped. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const MAX_DEPTH = 256;

/**
 * Text of an XML file's bytes: honours a UTF-8/UTF-16 byte-order mark (Philips writes UTF-16LE
 * with BOM), UTF-16 without BOM, and an ISO-8859-1 declaration (GE MUSE).
 *
 * @example decodeXmlBytes(new Uint8Array([0xff, 0xfe, 0x3c, 0x00])) // '<'
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes.length >= 2 && bytes[0] === 0x3c && bytes[1] === 0x00) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0x00 && bytes[1] === 0x3c) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const enc = /encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]?.toLowerCase();
  if (enc && /^(iso-8859-1|latin-?1|windows-1252|us-ascii)$/.test(enc)) return new TextDecoder('latin1').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/** Plain-text look at the first bytes of a possibly UTF-16 file, for sniffing. */
export function headText(head: Uint8Array): string {
  return decodeXmlBytes(head.subarray(0, Math.min(head.length, 4096) & ~1));
}

function convert(entry: Record<string, unknown>, depth: number): XmlNode | null {
  if (depth > MAX_DEPTH) throw new SinusError('BAD_HEADER', 'XML nested too deeply');
  const name = Object.keys(entry).find((k) => k !== ':@');
  if (name === undefined || name === '#text' || name.startsWith('?') || name === '#comment') return null;
  const attrsIn = (entry[':@'] ?? {}) as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrsIn)) attrs[k] = String(v);
  const node: XmlNode = { name, attrs, children: [], text: '' };
  const content = entry[name];
  if (Array.isArray(content)) {
    const texts: string[] = [];
    for (const c of content as Record<string, unknown>[]) {
      if (c && typeof c === 'object' && '#text' in c) texts.push(String(c['#text']));
      else {
        const child = convert(c, depth + 1);
        if (child) node.children.push(child);
      }
    }
    node.text = texts.join(' ').trim();
  }
  return node;
}

let parser: XMLParser | undefined;

/**
 * Parses XML text into a simple element tree (namespace prefixes removed, comments dropped, so a
 * comment inside a list of numbers does not break it). Throws BAD_HEADER on malformed XML.
 *
 * @example parseXmlTree('<a><b x="1">t</b></a>').children[0].attrs.x // '1'
 */
export function parseXmlTree(text: string, file?: string): XmlNode {
  let parsed: unknown;
  try {
    parser ??= new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      removeNSPrefix: true,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      processEntities: true,
    });
    parsed = parser.parse(text, true);
  } catch (e) {
    throw new SinusError('BAD_HEADER', `malformed XML: ${(e as Error).message ?? e}`.slice(0, 300), file);
  }
  if (!Array.isArray(parsed)) throw new SinusError('BAD_HEADER', 'no XML root element', file);
  for (const entry of parsed as Record<string, unknown>[]) {
    const node = convert(entry, 0);
    if (node) return node;
  }
  throw new SinusError('BAD_HEADER', 'no XML root element', file);
}

/** First direct child named `name`. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** All direct children named `name`. */
export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** Follows a path of child names, e.g. `at(root, 'a', 'b')`. */
export function at(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  let n = node;
  for (const name of names) n = child(n, name);
  return n;
}

/** First descendant named `name` (depth first, the node itself excluded). */
export function findFirst(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (!node) return undefined;
  const stack = [...node.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.name === name) return n;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return undefined;
}

/** All descendants named `name`, in document order; does not look inside matches. */
export function findAll(node: XmlNode | undefined, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  if (!node) return out;
  const stack = [...node.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.name === name) { out.push(n); continue; }
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  return out;
}

/** Text of a child, or undefined. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  const c = child(node, name);
  return c ? c.text : undefined;
}

/** Finite number from text, or null. */
export function numberOrNull(s: string | undefined): number | null {
  if (s === undefined || s.trim() === '') return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

/** A flat `{ tag: text }` map of an element's leaf children (e.g. GE's measurement blocks). */
export function leafMap(node: XmlNode | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!node) return out;
  for (const c of node.children) if (c.children.length === 0) out[c.name] = c.text;
  return out;
}

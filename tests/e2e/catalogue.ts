// Reads the app's message catalogue (locales/<tag>/*.ftl) so a browser test can name
// what each language should show. Understands the same Fluent subset as the domain's
// parser: text, `{ $var }`, `{ "literal" }` and selectors on one variable.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const LOCALES = ['en', 'de', 'zh', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

const root = path.resolve(__dirname, '../../locales');
const cache = new Map<Locale, Map<string, string>>();

function messages(locale: Locale): Map<string, string> {
  let found = cache.get(locale);
  if (found) return found;
  found = new Map();
  for (const file of readdirSync(path.join(root, locale)).filter((f) => f.endsWith('.ftl'))) {
    const lines = readFileSync(path.join(root, locale, file), 'utf8').split('\n');
    for (let at = 0; at < lines.length; at++) {
      const match = lines[at].match(/^([A-Za-z][\w-]*)\s*=\s?(.*)$/);
      if (!match) continue;
      const value = [match[2]];
      while (at + 1 < lines.length && /^\s+\S/.test(lines[at + 1])) value.push(lines[++at].trim());
      found.set(match[1], value.filter((v) => v !== '').join('\n').trim());
    }
  }
  cache.set(locale, found);
  return found;
}

/** The message `id` in `locale` with its arguments, as the app words it (counts grouped
 * and pluralised by the platform's own CLDR rules). */
export function message(locale: Locale, id: string, args: Record<string, string | number> = {}): string {
  const source = messages(locale).get(id);
  if (source === undefined) throw new Error(`no message ${id} in ${locale}`);
  return format(locale, source, args);
}

function shown(locale: Locale, value: string | number): string {
  if (typeof value === 'string') return value;
  // The domain groups as the browsers do (from four digits on).
  return new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : locale, { useGrouping: true }).format(value);
}

function format(locale: Locale, source: string, args: Record<string, string | number>): string {
  let out = '';
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf('{', at);
    if (open < 0) {
      out += source.slice(at);
      break;
    }
    out += source.slice(at, open);
    const close = matching(source, open);
    const inner = source.slice(open + 1, close).trim();
    const literal = inner.match(/^"(.*)"$/);
    const variable = inner.match(/^\$([\w-]+)$/);
    const selector = inner.match(/^\$([\w-]+)\s*->\s*\n([\s\S]*)$/);
    if (literal) out += literal[1];
    else if (variable) out += variable[1] in args ? shown(locale, args[variable[1]]) : `{$${variable[1]}}`;
    else if (selector) {
      const value = args[selector[1]];
      // A variant's value may hold a selector of its own, over several lines.
      const variants: { isDefault: boolean; key: string; pattern: string }[] = [];
      let depth = 0;
      for (const line of selector[2].split('\n').map((l) => l.trim()).filter(Boolean)) {
        if (depth === 0) {
          const v = line.match(/^(\*?)\[([^\]]+)\]\s?(.*)$/);
          if (!v) throw new Error(`unreadable variant: ${line}`);
          variants.push({ isDefault: v[1] === '*', key: v[2], pattern: v[3] });
        } else variants[variants.length - 1].pattern += `\n${line}`;
        for (const c of line) depth += c === '{' ? 1 : c === '}' ? -1 : 0;
      }
      const category = typeof value === 'number' ? new Intl.PluralRules(locale).select(value) : undefined;
      const chosen = variants.find((v) => v.key === String(value)) ?? variants.find((v) => v.key === category) ?? variants.find((v) => v.isDefault)!;
      out += format(locale, chosen.pattern, args);
    } else throw new Error(`unsupported placeable: {${inner}}`);
    at = close + 1;
  }
  return out;
}

function matching(source: string, open: number): number {
  let depth = 0;
  for (let at = open; at < source.length; at++) {
    if (source[at] === '{') depth++;
    if (source[at] === '}' && --depth === 0) return at;
  }
  throw new Error(`unclosed { in ${source}`);
}

// Every visible string comes from a message catalog, one file per language under
// /app/i18n/, in ICU message syntax: {name} placeholders and
// {count, plural, =0 {…} one {…} other {…}} with # for the number, plural forms chosen
// by Intl.PluralRules. The language is the one chosen in the menu (remembered), else the
// first of navigator.languages the app speaks, else English.

/** The languages, each named in itself, as the menu lists them. */
export const LANGUAGES = [
  ['en', 'English'], ['de', 'Deutsch'], ['fr', 'Français'], ['es', 'Español'], ['pt-BR', 'Português (Brasil)'],
  ['ja', '日本語'], ['zh-CN', '简体中文'], ['ar', 'العربية'],
];

const RTL = new Set(['ar']);
const STORED = 'slotpoll:lang';

let lang = 'en';
let catalog = {};

/** The app's language for a browser's preferences: an exact match first, then the same language in another region. */
export function pick(preferences) {
  const codes = LANGUAGES.map(([code]) => code);
  for (const wanted of preferences) {
    const exact = codes.find((c) => c.toLowerCase() === wanted.toLowerCase());
    if (exact) return exact;
    const base = wanted.toLowerCase().split('-')[0];
    const same = codes.find((c) => c.toLowerCase().split('-')[0] === base);
    if (same) return same;
  }
  return 'en';
}

function chosen() {
  const stored = localStorage.getItem(STORED);
  if (stored && LANGUAGES.some(([code]) => code === stored)) return stored;
  return pick(navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en']);
}

/** Loads the catalog of the chosen language and marks the document with its lang and dir. */
export async function loadLanguage() {
  lang = chosen();
  const response = await fetch(`/app/i18n/${lang}.json`);
  catalog = await response.json();
  document.documentElement.lang = lang;
  document.documentElement.dir = RTL.has(lang) ? 'rtl' : 'ltr';
}

export function language() {
  return lang;
}

/** Remembers a language and reloads the page in it. */
export function switchLanguage(code) {
  localStorage.setItem(STORED, code);
  location.reload();
}

/**
 * The locale for Intl: the app's English is British (day before month, 24-hour clock);
 * Arabic keeps Latin digits, so times and the grid's time axis read the same as the API's.
 */
export function locale() {
  if (lang === 'en') return 'en-GB';
  if (lang === 'ar') return 'ar-u-nu-latn';
  return lang;
}

const numbers = new Map();
const plurals = new Map();

export function number(n) {
  if (!numbers.has(lang)) numbers.set(lang, new Intl.NumberFormat(locale()));
  return numbers.get(lang).format(n);
}

/** Whether the catalog has {@code key}. */
export function has(key) {
  return Object.hasOwn(catalog, key);
}

/** The message {@code key} with its placeholders filled. */
export function t(key, params = {}) {
  const message = catalog[key];
  if (message === undefined) {
    console.error(`slotpoll: no message ${key} in ${lang}`);
    return key;
  }
  return format(message, params);
}

/** An ICU message (the subset the catalogs use: arguments, plural with =n and #, '' for a quote). */
export function format(message, params) {
  let out = '';
  let i = 0;
  while (i < message.length) {
    const c = message[i];
    if (c === '{') {
      const end = closing(message, i);
      out += argument(message.slice(i + 1, end), params);
      i = end + 1;
    } else if (c === "'" && message[i + 1] === "'") {
      out += "'";
      i += 2;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

function closing(message, open) {
  let depth = 0;
  for (let i = open; i < message.length; i++) {
    if (message[i] === '{') depth++;
    else if (message[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in: ${message}`);
}

function argument(body, params) {
  const comma = body.indexOf(',');
  if (comma < 0) {
    const value = params[body.trim()];
    return typeof value === 'number' ? number(value) : String(value ?? '');
  }
  const name = body.slice(0, comma).trim();
  const rest = body.slice(comma + 1);
  const type = rest.slice(0, rest.indexOf(',')).trim();
  if (type !== 'plural') throw new Error(`unsupported argument type ${type}`);
  const n = Number(params[name]);
  const forms = new Map();
  let s = rest.slice(rest.indexOf(',') + 1);
  while (s.trim()) {
    const open = s.indexOf('{');
    const selector = s.slice(0, open).trim();
    const end = closing(s, open);
    forms.set(selector, s.slice(open + 1, end));
    s = s.slice(end + 1);
  }
  if (!plurals.has(lang)) plurals.set(lang, new Intl.PluralRules(locale()));
  const category = plurals.get(lang).select(n);
  const form = forms.get(`=${n}`) ?? forms.get(category) ?? forms.get('other');
  return format(form.replace(/#/g, number(n)), params);
}

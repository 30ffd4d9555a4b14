/**
 * The one sanitiser every byte the CLI prints passes through (`main()` wraps stdout and stderr with
 * it). User-supplied text — unknown keys, duplicate names, file names, a server's error message —
 * can hold terminal escapes: an OSC-8 link, clear-screen, BEL, NUL, a bidi override that reorders
 * what a reviewer reads. They are made visible instead of executed: C0 controls as `\x1b`, and DEL,
 * C1 controls, bidi and invisible format characters as `\u202e` (a valid JSON escape, so a JSON
 * report stays valid even if such a character reached it unescaped). Newlines and tabs pass.
 *
 * The only escape sequences kept are SGR colour codes (`ESC [ … m`), and only where the CLI may be
 * printing colour (a terminal, or FORCE_COLOR); everywhere else they are made visible too.
 */
/* eslint-disable no-control-regex -- matching control characters is this file's whole job */

const C0 = /[\u0000-\u0008\u000b-\u001f]/;
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;
const UNSAFE_KEEPING_SGR =
  /\u001b\[[0-9;]{0,32}m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return C0.test(ch) ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control or invisible formatting character shown as an escape. */
export function sanitize(text: string, options: { keepColor?: boolean } = {}): string {
  if (options.keepColor) return text.replace(UNSAFE_KEEPING_SGR, (m) => (m.length > 1 ? m : visible(m)));
  return text.replace(UNSAFE, visible);
}

/** A user-supplied string for a one-line message: sanitised and cut to `max` characters. */
export function clip(text: string, max = 120): string {
  const clean = sanitize(text).replace(/\n/g, '\\n');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

// The right-to-left test language's messages (PSEUDO_LOCALE, lib/domain/locale.ts), made from
// English when they are first asked for, as pseudo-localisation does: every word is accented,
// made longer (each vowel doubled, about a third more letters, as translations often run) and
// written right to left (between RIGHT-TO-LEFT OVERRIDE and POP DIRECTIONAL FORMATTING, as Chrome's
// ar-XB does), so that a page's words still read, and a layout that assumes left to right, or
// English's lengths, shows. Placeholders, plural and select syntax and rich-text tags are kept.

const RLO = "\u202e";
const PDF = "\u202c";

const ACCENTED: Record<string, string> = Object.fromEntries(
  [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"].map((letter, i) => [
    letter,
    [..."áƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÁƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"][i]!,
  ]),
);

function pseudoWord(word: string): string {
  const letters = [...word].map((char) => {
    const accented = ACCENTED[char] ?? char;
    return /[aeiou]/i.test(char) ? accented + accented : accented;
  });
  return `${RLO}${letters.join("")}${PDF}`;
}

const pseudoText = (text: string) => text.replace(/\S+/g, pseudoWord);

const TAG = /^<\/?[A-Za-z][\w-]*>/;

/**
 * Converts the message from `start` to its end, or, in a plural or select branch (`nested`), to
 * the brace that closes the branch; returns the converted text and where it stopped.
 */
function convert(source: string, start: number, nested: boolean): [string, number] {
  let out = "";
  let text = "";
  let i = start;
  const flush = () => {
    out += pseudoText(text);
    text = "";
  };
  while (i < source.length) {
    const char = source[i]!;
    const tag = char === "<" ? TAG.exec(source.slice(i))?.[0] : undefined;
    if (nested && char === "}") break;
    if (char === "{" || tag || (nested && char === "#")) {
      flush();
      const [kept, next] = char === "{" ? argument(source, i) : [tag ?? char, i + (tag ?? char).length];
      out += kept;
      i = next;
    } else {
      text += char;
      i++;
    }
  }
  flush();
  return [out, i];
}

/** `{name}`, `{n, number}` as they are; `{n, plural, one {…} other {…}}` with each branch converted. */
function argument(source: string, open: number): [string, number] {
  const header = /^\{\s*[\w]+\s*(?:,\s*(\w+)\s*)?([,}])/.exec(source.slice(open));
  if (!header) return ["{", open + 1];
  let i = open + header[0].length;
  let out = header[0];
  if (header[2] === "}") return [out, i];
  if (!["plural", "select", "selectordinal"].includes(header[1] ?? "")) {
    const close = source.indexOf("}", i);
    return [source.slice(open, close + 1), close + 1];
  }
  while (i < source.length && source[i] !== "}") {
    if (source[i] === "{") {
      const [branch, close] = convert(source, i + 1, true);
      out += `{${branch}}`;
      i = close + 1;
    } else {
      out += source[i];
      i++;
    }
  }
  return [`${out}}`, i + 1];
}

/** One message in the pseudo-locale. */
export function pseudoMessage(message: string): string {
  return convert(message, 0, false)[0];
}

type Tree = { [key: string]: string | Tree };

/** Every message of `english` in the pseudo-locale, keys unchanged. */
export function pseudoMessages(english: Tree): Tree {
  return Object.fromEntries(
    Object.entries(english).map(([key, value]) => [
      key,
      typeof value === "string" ? pseudoMessage(value) : pseudoMessages(value),
    ]),
  );
}

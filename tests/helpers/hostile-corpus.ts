// A generated corpus of hostile request bodies for the signing and pledging APIs: wrong types,
// prototype names as values and as keys in every field, every character class the text rule
// refuses (docs/API.md, "Text"), deep nesting, sizes around the 16 KB limit, wrong and odd
// content types, and bad encodings. Deterministic, so that a failure can be replayed.

export interface HostileRequest {
  /** What this case tries, for the failure message. */
  name: string;
  contentType: string | null;
  body: Uint8Array<ArrayBuffer>;
}

const MAX_BODY_BYTES = 16 * 1024;
const PROTOTYPE_NAMES = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "__defineGetter__",
];

// One character of each class the text rule refuses.
export const REFUSED_CHARACTERS = [
  "\u0000",
  "\u0001",
  "\t",
  "\n",
  "\r",
  "\r\n",
  "\u001b",
  "\u007f",
  "\u0080",
  "\u0085",
  "\u009b",
  "\u009f",
  "\u00ad",
  "\u061c",
  "\u180e",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u200e",
  "\u200f",
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e",
  "\u2060",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\ufeff",
  "\ufff9",
  "\ufffb",
  "\u{e0001}",
  "\u{e0041}",
  "\u2028",
  "\u2029",
  "\ud800",
  "\udfff",
];

const WRONG_TYPES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  42,
  1e308,
  0.5,
  "",
  " ",
  "\u3000",
  [],
  [""],
  ["x", "y"],
  {},
  { value: "x" },
  [[[]]],
  "x".repeat(5_000),
  "=cmd|' /C calc'!A0",
  "+1",
  "@SUM(1)",
  "http://spam.example",
  "<script>alert(1)</script>",
  "'; drop table signatures; --",
  "${jndi:ldap://x}",
  "../../etc/passwd",
  "%00",
  "\\u0000",
];

// Text that is fine: letters of many scripts, accents both composed and not, emoji, and other
// characters the rule lets through. Bodies with these may well be accepted.
const ALLOWED_TEXT = [
  "Zoë",
  "Zoe\u0308",
  "Nguyễn",
  "محمد",
  "עברית",
  "李小龙",
  "Ὀδυσσεύς",
  "Łukasz",
  "Ада",
  "🙂",
  "👍🏽",
  "Ａｄａ",
  "ǅ",
  "\u00a0Ada",
  "Ada\u3000",
  "\ufffd",
  "\ue000",
  "\u{10ffff}",
  "\u{1f600}\u{1f600}",
  "a\u0301\u0301\u0301",
];

/** Hostile values for a field whose valid value is `valid`: [what it is, the value]. */
function hostileValues(valid: unknown): [string, unknown][] {
  const text = typeof valid === "string" ? valid : "Ada";
  const values: [string, unknown][] = [];
  for (const value of WRONG_TYPES) {
    values.push([`= ${JSON.stringify(value)?.slice(0, 40)}`, value]);
    values.push([`= [${JSON.stringify(value)?.slice(0, 40)}]`, [value]]);
  }
  for (const name of PROTOTYPE_NAMES) {
    values.push([`= "${name}"`, name]);
    values.push([`= {${name}: ...}`, JSON.parse(`{${JSON.stringify(name)}: {"polluted": true}}`)]);
    values.push([`= [${name}]`, [name]]);
  }
  for (const character of REFUSED_CHARACTERS) {
    const code = `U+${character.codePointAt(0)!.toString(16)}`;
    values.push([`starting with ${code}`, `${character}${text}`]);
    values.push([`with ${code} inside`, `${text.slice(0, 2)}${character}${text.slice(2)}`]);
    values.push([`ending with ${code}`, `${text}${character}`]);
    values.push([`of only ${code}`, character.repeat(3)]);
    values.push([`long, with ${code}`, `${"a".repeat(70)}${character}`]);
  }
  for (const allowed of ALLOWED_TEXT) values.push([`with ${JSON.stringify(allowed)}`, `${allowed}${text}`]);
  values.push(["nested 2,000 deep", JSON.parse(nestedArray(2_000))]);
  return values;
}

type Path = (string | number)[];
const OSDI_PATHS: Path[] = [
  ["person", "given_name"],
  ["person", "family_name"],
  ["person", "email_addresses", 0, "address"],
  ["person", "postal_addresses", 0, "country"],
  ["person", "postal_addresses", 0, "postal_code"],
  ["comments"],
];
const valueAt = (body: unknown, path: Path) =>
  path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], body);
function setAt(body: unknown, path: Path, value: unknown) {
  const parent = valueAt(body, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
}

const nestedArray = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

const encode = (text: string) => new TextEncoder().encode(text);

function json(name: string, value: unknown, contentType = "application/json"): HostileRequest {
  // JSON.stringify writes a lone surrogate as an escape, so it reaches the server as one.
  return { name, contentType, body: encode(JSON.stringify(value) ?? "null") };
}

/**
 * The corpus for one API: `base(email)` is a valid body for it; `fields` are its fields. Every
 * case gets its own email address, ending in `@${domain}`, so each row can be traced to the
 * request that made it.
 */
export function hostileCorpus(
  api: string,
  base: (email: string) => Record<string, unknown>,
  domain: string,
  osdi?: (email: string) => Record<string, unknown>,
): HostileRequest[] {
  const cases: HostileRequest[] = [];
  let n = 0;
  const email = () => `${api}-${n++}@${domain}`;
  const fields = Object.keys(base("x@example.org"));

  for (const field of fields) {
    for (const [name, value] of hostileValues(base(email())[field])) {
      cases.push(json(`${field} ${name}`, { ...base(email()), [field]: value }));
    }
    const rest = { ...base(email()) };
    delete rest[field];
    cases.push(json(`without ${field}`, rest));
  }

  // The OSDI shape of a signature, with the same values at each of its paths.
  if (osdi) {
    for (const path of OSDI_PATHS) {
      for (const [name, value] of hostileValues(valueAt(osdi(email()), path))) {
        const body = osdi(email());
        setAt(body, path, value);
        cases.push(json(`OSDI ${path.join(".")} ${name}`, body));
      }
    }
  }

  // Prototype names as keys, at the top and inside, with a valid body around them.
  for (const name of PROTOTYPE_NAMES) {
    const address = email();
    const body = base(address);
    const withKey = `{${JSON.stringify(name)}: ${JSON.stringify({ ...body, acceptsPrivacy: false, country: "ZZ" })}, ${JSON.stringify(body).slice(1)}`;
    cases.push({
      name: `key ${name} beside the fields`,
      contentType: "application/json",
      body: encode(withKey),
    });
    const only = base(email());
    cases.push({
      name: `the fields under key ${name}`,
      contentType: "application/json",
      body: encode(`{${JSON.stringify(name)}: ${JSON.stringify(only)}}`),
    });
    for (const field of fields) {
      const text = JSON.stringify(base(email())).replace(`"${field}":`, `${JSON.stringify(name)}:`);
      cases.push({
        name: `key ${name} in place of ${field}`,
        contentType: "application/json",
        body: encode(text),
      });
    }
    cases.push(
      json(`OSDI person with ${name}`, {
        person: JSON.parse(`{${JSON.stringify(name)}: {"given_name": "Ada"}}`),
        acceptsPrivacy: true,
      }),
    );
    cases.push(
      json(`OSDI given_name ${name}`, {
        person: {
          given_name: name,
          family_name: name,
          email_addresses: [{ address: email() }],
          postal_addresses: [{ country: name, postal_code: name }],
        },
        acceptsPrivacy: true,
      }),
    );
  }

  // Sizes around the 16 KB limit, with a comment-sized padding field the schema does not know.
  for (const target of [
    MAX_BODY_BYTES - 1,
    MAX_BODY_BYTES,
    MAX_BODY_BYTES + 1,
    MAX_BODY_BYTES * 4,
    1024 * 1024,
  ]) {
    const address = email();
    const skeleton = JSON.stringify({ ...base(address), padding: "" });
    const padding = "p".repeat(Math.max(0, target - encode(skeleton).length));
    cases.push(json(`a body of ${target} bytes`, { ...base(address), padding }));
    cases.push(
      json(`a body of ${target} bytes of multi-byte text`, {
        ...base(email()),
        padding: "é".repeat(Math.max(0, target - skeleton.length) / 2),
      }),
    );
  }

  // Whole bodies that are not one JSON object, or not JSON, or not UTF-8.
  const raw: [string, Uint8Array<ArrayBuffer>][] = [
    ["empty", new Uint8Array()],
    ...[
      "null",
      "true",
      "1",
      '"x"',
      "[]",
      "[{}]",
      "{",
      "}",
      '{"a":}',
      '{"a" 1}',
      "{'a': 1}",
      "{a: 1}",
      '{"a": NaN}',
      '{"a": 1,}',
      "\u0000",
      "{}{}",
      "{} []",
    ].map((text): [string, Uint8Array<ArrayBuffer>] => [`raw ${JSON.stringify(text)}`, encode(text)]),
    ["nested arrays 50,000 deep", encode(nestedArray(50_000))],
    ["nested objects 3,000 deep", encode(nestedObject(3_000))],
    ["invalid UTF-8", Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ["overlong UTF-8", Uint8Array.from([...encode('{"firstName":"'), 0xc0, 0xaf, ...encode('"}')])],
    [
      "UTF-8 of a surrogate",
      Uint8Array.from([...encode('{"firstName":"'), 0xed, 0xa0, 0x80, ...encode('"}')]),
    ],
    ["UTF-16", Uint8Array.from(Buffer.from(JSON.stringify(base(email())), "utf16le"))],
    ["a BOM before the JSON", encode(`\ufeff${JSON.stringify(base(email()))}`)],
    ["NUL after the JSON", encode(`${JSON.stringify(base(email()))}\u0000`)],
    ["gzip magic", Uint8Array.from([0x1f, 0x8b, 0x08, 0x00])],
  ];
  for (const [name, body] of raw) cases.push({ name, contentType: "application/json", body });

  // Valid bodies in the wrong or odd content types.
  const contentTypes = [
    null,
    "",
    "text/plain",
    "text/json",
    "text/html",
    "application/json-patch",
    "application/json-patch+json",
    "application/merge-patch+json",
    "application/jsonx",
    "application/javascript",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=----x",
    "application/xml",
    "application/octet-stream",
    "*/*",
    "application/*",
    "json",
    "application/json, text/plain",
    "application /json",
    "application/ld+json",
  ];
  for (const contentType of contentTypes) {
    cases.push({
      name: `content type ${JSON.stringify(contentType)}`,
      contentType,
      body: encode(JSON.stringify(base(email()))),
    });
  }
  // JSON types the API reads, with odd parameters: these may be accepted.
  for (const contentType of [
    "application/json; charset=utf-8",
    "APPLICATION/JSON",
    "application/json;charset=latin1",
    "application/hal+json",
    'application/json; x="y"',
  ]) {
    cases.push({
      name: `content type ${contentType}`,
      contentType,
      body: encode(JSON.stringify(base(email()))),
    });
  }
  return cases;
}

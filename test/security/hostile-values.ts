import fc from "fast-check";

/**
 * The values a broken or hostile client puts where a recorded payload had something sensible: odd unicode
 * (direction overrides, zero-width characters, lone surrogates, emoji sequences, NUL), markup and injection
 * attempts, keys that mean something to JavaScript objects, wrong types and huge strings.
 */
const ODD_TEXT = [
  "\u202e", // right-to-left override
  "\u202d\u2066\u2067\u2069", // left-to-right override and isolates
  "\u200b\u200c\u200d\ufeff", // zero-width space, joiners, BOM
  "\ud800", // lone high surrogate
  "\udfff", // lone low surrogate
  "a\ud83dz", // half an emoji
  "\u0000",
  "\u0007\u001b[31m",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "e\u0301\u0301\u0301\u0301",
  "<!channel>",
  "<@U0ADMIN>",
  "<https://evil.example|click me>",
  "<at>MLOps Assess</at>",
  "&nbsp;&amp;&lt;",
  "<script>alert(1)</script>",
  "%00%zz%",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection attempt, as a client would send it
  "${process.exit()}",
  "{{constructor.constructor('return process')()}}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "ma:answer:1",
  '{"a":"answer"}',
  "null",
  "NaN",
  "\n\r\t",
  " ",
  "",
];

/** Any code point, lone surrogates included (fast-check's own "binary" unit takes a second to set up). */
const anyCodeUnit = fc
  .integer({ min: 0, max: 0x10ffff })
  .map((cp) => (cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp)));

/** Characters from every corner of UTF-16 (fast-check's "grapheme" unit costs seconds to set up, so a pick of them). */
const ODD_CHARS = [
  "\u0301",
  "\u0647",
  "\u05d0",
  "\u4e2d",
  "\u0e01",
  "\ud83d\ude00",
  "\ud83c\udff3\ufe0f",
  "\u2028",
  "\u00a0",
  "\ufffd",
  "\uffff",
];

export const oddText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...ODD_TEXT),
  fc.array(fc.constantFrom(...ODD_TEXT), { minLength: 2, maxLength: 6 }).map((parts) => parts.join("")),
  fc.string({ unit: anyCodeUnit, maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...ODD_CHARS, "a", " ", "<", "&"), maxLength: 20 }),
);

/** 100 KB and more of one odd character run (built when the request is, so the corpus itself stays small). */
export const hugeText: fc.Arbitrary<string> = fc
  .record({
    size: fc.integer({ min: 100_000, max: 160_000 }),
    seed: fc.constantFrom("a", "\u202e", "👍", "\u0000", "b\u200b"),
  })
  .map(({ size, seed }) => seed.repeat(Math.ceil(size / seed.length)));

/** An object whose own keys are the ones prototype pollution goes through. */
export const protoBomb = (): unknown =>
  JSON.parse(
    '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}',
  );

export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 20, arbitrary: oddText },
  { weight: 1, arbitrary: hugeText },
  { weight: 15, arbitrary: fc.constantFrom(null, true, false, 0, -1, 2 ** 53, 1.5, [], {}, [null], [[[]]]) },
  { weight: 5, arbitrary: fc.integer() },
  { weight: 5, arbitrary: fc.array(oddText, { maxLength: 3 }) },
  { weight: 5, arbitrary: fc.dictionary(oddText, oddText, { maxKeys: 3 }) },
  { weight: 5, arbitrary: fc.constant(null).map(protoBomb) },
);

/** One change to a payload tree, at the `pick`-th place (modulo the number of places). */
export interface Mutation {
  pick: number;
  op: "delete" | "replace" | "proto" | "wrap";
  value: unknown;
}

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({
    pick: fc.nat(),
    op: fc.constantFrom("delete", "replace", "replace", "proto", "wrap"),
    value: wrongValue,
  }),
  { minLength: 1, maxLength: 3 },
);

/** Two payloads in three are mangled; the rest go out as recorded, with only the hostile values put in. */
export const maybeMutations: fc.Arbitrary<Mutation[] | undefined> = fc.option(mutations, { nil: undefined, freq: 3 });

type Node = Record<string, unknown> | unknown[];
const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null;

/** Every (container, key) in the tree, depth first; `keep` keys (URLs the app calls back) are never touched. */
function places(tree: unknown, keep: ReadonlySet<string>): Array<[Node, string | number]> {
  const found: Array<[Node, string | number]> = [];
  const visit = (node: unknown) => {
    if (!isNode(node)) return;
    const keys: Array<string | number> = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    for (const key of keys) {
      if (typeof key === "string" && keep.has(key)) continue;
      found.push([node, key]);
      visit((node as Record<string | number, unknown>)[key]);
    }
  };
  visit(tree);
  return found;
}

const defineOwn = (target: object, key: string, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

/** A mutated copy of a JSON tree (the original is left alone). */
export function mutate<T>(tree: T, list: readonly Mutation[], keep: ReadonlySet<string> = new Set()): T {
  const copy = structuredClone(tree);
  for (const m of list) {
    const all = places(copy, keep);
    const place = all[m.pick % Math.max(all.length, 1)];
    if (!place) continue;
    const [node, key] = place;
    const slot = node as Record<string | number, unknown>;
    switch (m.op) {
      case "delete":
        if (Array.isArray(node)) node.splice(Number(key), 1);
        else delete slot[key];
        break;
      case "replace":
        // A copy: arbitraries hand out the same constant objects again and again.
        slot[key] = structuredClone(m.value);
        break;
      case "proto": {
        const target = slot[key];
        if (isNode(target) && !Array.isArray(target)) {
          defineOwn(target, "__proto__", protoBomb());
          defineOwn(target, "constructor", { prototype: { polluted: "yes" } });
        } else slot[key] = protoBomb();
        break;
      }
      case "wrap":
        slot[key] = [slot[key], structuredClone(slot[key])];
        break;
    }
  }
  return copy;
}

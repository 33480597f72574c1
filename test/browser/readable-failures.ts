/*
 * A failed assertion about an element (expected null, got a <div>) must be reported, not hang the
 * run: the test runner sends each failure to Node by structured clone, which cannot carry an
 * element, and then waits for a result that never comes until its time-out ends the whole file.
 * After a failed test, what the assertion compared is made cloneable: elements become their markup.
 */
const cloneable = (value: unknown): unknown => {
  try {
    structuredClone(value);
    return value;
  } catch {
    if (value instanceof Element) return value.outerHTML.slice(0, 500);
    if (value instanceof Node) return `${value.nodeName} ${value.textContent?.slice(0, 200) ?? ''}`;
    if (Array.isArray(value)) return value.map(cloneable);
    return String(value);
  }
};

afterEach(function () {
  const error = this.currentTest?.err as { actual?: unknown; expected?: unknown } | undefined;
  if (!error) return;
  if ('actual' in error) error.actual = cloneable(error.actual);
  if ('expected' in error) error.expected = cloneable(error.expected);
});

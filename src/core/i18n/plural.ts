/** Messages for each plural category of a language; `other` is required, the rest as the language needs. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();

/**
 * Chooses the message for `count` by the language's plural rules (`Intl.PluralRules`): English
 * and German tell one from other, Arabic has zero, one, two, few, many and other.
 */
export function plural(lang: string, count: number, forms: PluralForms): string {
  let rule = rules.get(lang);
  if (!rule) {
    rule = new Intl.PluralRules(lang);
    rules.set(lang, rule);
  }
  return forms[rule.select(count)] ?? forms.other;
}

import { noChange, type AttributePart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/**
 * Sets style properties through the CSSOM only, on the first render too (Lit's `styleMap` writes
 * a `style` attribute first, which a strict `style-src` without 'unsafe-inline' blocks).
 * Use it as `style=${styleProps({ 'grid-area': '1 / 2' })}`.
 */
class StyleProps extends Directive {
  #previous = new Map<string, string>();

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ATTRIBUTE || info.name !== 'style') {
      throw new Error('styleProps() belongs in a style attribute');
    }
  }

  render(_properties: Readonly<Record<string, string>>) {
    return noChange;
  }

  override update(part: AttributePart, [properties]: [Readonly<Record<string, string>>]) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous.keys()) {
      if (!(name in properties)) style.removeProperty(name);
    }
    const next = new Map<string, string>();
    for (const [name, value] of Object.entries(properties)) {
      if (this.#previous.get(name) !== value) style.setProperty(name, value);
      next.set(name, value);
    }
    this.#previous = next;
    return noChange;
  }
}

export const styleProps = directive(StyleProps);

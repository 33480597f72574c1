// custom-elements.json: the one description of every element's attributes, properties,
// events, slots, parts and custom properties, for Storybook docs, IDEs and wrappers.
import { readFileSync } from 'node:fs';
import { customElementJetBrainsPlugin } from 'custom-element-jet-brains-integration';
import { customElementVsCodePlugin } from 'custom-element-vs-code-integration';

/** The shared design tokens, documented once in src/core/tokens.ts. */
function sharedTokens() {
  const source = readFileSync(new URL('./src/core/tokens.ts', import.meta.url), 'utf8');
  return [...source.matchAll(/@cssproperty\s+(--peer-[a-z0-9-]+)\s+-\s+(.+)/g)].map(([, name, description]) => ({
    name,
    description: description.trim(),
  }));
}

/** Every Peerkit element styles itself with the shared tokens, so each documents them after its own. */
const tokensPlugin = {
  name: 'peerkit-shared-tokens',
  packageLinkPhase({ customElementsManifest }) {
    const tokens = sharedTokens();
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (!declaration.customElement || !declaration.tagName) continue;
        // Only elements whose styles include the tokens (the provider renders nothing of its own).
        if (!/import \{[^}]*\btokens\b[^}]*\} from/.test(readFileSync(module.path, 'utf8'))) continue;
        const own = declaration.cssProperties ?? [];
        declaration.cssProperties = [...own, ...tokens.filter((t) => !own.some((o) => o.name === t.name))];
      }
    }
  },
};

/**
 * Internal state (`static properties` entries with `state: true`, always private) has no attribute;
 * the analyzer would otherwise list each one as an attribute named after the field.
 */
const statePlugin = {
  name: 'peerkit-internal-state',
  packageLinkPhase({ customElementsManifest }) {
    // The analyzer finishes files in no fixed order: sort, so that the generated files do not churn.
    customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        const hidden = new Set(
          (declaration.members ?? []).filter((m) => m.privacy && m.privacy !== 'public').map((m) => m.name),
        );
        for (const member of declaration.members ?? []) if (hidden.has(member.name)) delete member.attribute;
        if (declaration.attributes) {
          declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
        }
      }
    }
  },
};

export default {
  globs: ['src/components/**/*.component.ts', 'src/core/peer-element.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
  plugins: [
    statePlugin,
    tokensPlugin,
    // IDE hints from the same manifest: VS Code custom data (HTML and CSS) and JetBrains web-types.
    customElementVsCodePlugin({
      outdir: './ide',
      htmlFileName: 'vscode.html-custom-data.json',
      cssFileName: 'vscode.css-custom-data.json',
      descriptionSrc: 'summary',
    }),
    customElementJetBrainsPlugin({ outdir: './ide', webTypesFileName: 'web-types.json', descriptionSrc: 'summary' }),
  ],
};

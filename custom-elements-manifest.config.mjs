// custom-elements.json: the one description of every element's attributes, properties,
// events, slots, parts and custom properties, for Storybook docs, IDEs and wrappers.
export default {
  globs: ['src/components/**/*.component.ts', 'src/core/peer-element.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
};

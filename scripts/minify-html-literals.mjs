// A rollup plugin for the drop-in bundle (and `npm run size`, which measures with the same settings):
// drops the indentation of Lit's html`…` tagged templates in the library's own modules. Terser leaves
// template strings alone, so without it the bundle ships every template's indentation.
// Only spaces and tabs around a line break go; the line break stays, so a run of whitespace stays a
// run of whitespace (HTML reads `\n` and `\n    ` alike, in text and in attribute values) and the
// bundle's source map keeps its lines. The templates' `${…}` expressions are left alone (each quasi,
// the static text between them, is minified on its own).

/** Minifies the static text of one html`…` template. */
export function minifyHtml(text) {
  return text.replace(/[ \t]*\n[ \t]*/g, '\n');
}

/** @returns {import('rollup').Plugin} */
export function minifyHtmlLiterals() {
  return {
    name: 'minify-html-literals',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\bhtml ?`/.test(code)) return null;
      const quasis = [];
      const visit = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && node.tag.name === 'html') quasis.push(...node.quasi.quasis);
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === 'object') visit(value);
        }
      };
      visit(this.parse(code));
      let out = code;
      // From the end, so that the positions of the quasis not yet replaced stay right.
      for (const { start, end } of quasis.sort((a, b) => b.start - a.start)) out = out.slice(0, start) + minifyHtml(out.slice(start, end)) + out.slice(end);
      return { code: out, map: null };
    },
  };
}

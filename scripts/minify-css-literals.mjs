// A rollup plugin for the drop-in bundle (and `npm run size`, which measures with the same settings):
// minifies the CSS of Lit's css`…` tagged templates in the library's own modules. Terser leaves
// template strings alone, so without it the bundle ships the styles' indentation and comments.
// Strings inside the CSS (`content: ' (' attr(href) ')'`) are kept as they are; only whitespace
// that CSS ignores is dropped (comments, runs of whitespace, spaces around { } ; , > and after :,
// indentation); line breaks are kept so that source maps stay right.
// Spaces before `:` stay (`.a :focus` and `.a:focus` differ).

/**
 * Minifies one CSS text (may contain `${…}` placeholders of the template). Comments, strings and
 * placeholders are found in one pass, so that an apostrophe in a comment ("the photo's box") is not
 * read as the start of a string, nor a quote in a string as a comment. Strings and placeholders are
 * left as they are, like the spaces after a placeholder (`calc(${a} + 1px)` needs them, and the `}`
 * of a placeholder is not the end of a rule).
 */
export function minifyCss(text) {
  const strings = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\$\{[^}]*\}/;
  return (
    text
      // Comments go; their line breaks stay (as few as there were), so that the bundle's source map keeps its lines.
      .replace(new RegExp(`/\\*[\\s\\S]*?\\*/|${strings.source}`, 'g'), (match) => (match.startsWith('/*') ? match.replace(/[^\n]/g, '') : match))
      .split(new RegExp(`(${strings.source})`))
      .map((part, i) =>
        i % 2
          ? part
          : part
              .replace(/[ \t]*\n[ \t]*/g, '\n')
              .replace(/[ \t]+/g, ' ')
              .replace(/ ?([{};,>]) ?/g, '$1')
              .replace(/: /g, ':'),
      )
      .join('')
  );
}

/** @returns {import('rollup').Plugin} */
export function minifyCssLiterals() {
  return {
    name: 'minify-css-literals',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/\bcss ?`/.test(code)) return null;
      const out = code.replace(/\bcss ?`((?:[^`\\]|\\.)*)`/g, (_, body) => `css\`${minifyCss(body)}\``);
      return { code: out, map: null };
    },
  };
}

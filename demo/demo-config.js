// The demo's language switch (?lang=en or ?lang=fr): the page's language, which the elements speak; the
// switch's links keep the other parameters, and mark the language in force.
// Lets the same demo page be fed by another backend, without a build step:
//   /demo/?adapter=wordpress&endpoint=http://127.0.0.1:8081/wp-json&article=<id or slug>
//   /demo/?adapter=feed&src=<feed URL>&article=<entry id>
//   /demo/?adapter=json&src=data/split/&article=<slug>  (the same magazine as a split layout, served by `npm start`)
//   /demo/?article=<id or slug>  (the default JSON data: the articles' previous / next links use this)
// A classic script at the end of <body>: it runs while the page is parsed, before the drop-in bundle
// (a module script) registers the elements, so they start with the right attributes.
(() => {
  const params = new URLSearchParams(location.search);
  const lang = params.get('lang');
  if (lang === 'en' || lang === 'fr') document.documentElement.lang = lang;
  for (const link of document.querySelectorAll('.languages a')) {
    const next = new URLSearchParams(params);
    next.set('lang', link.hreflang);
    link.search = next.toString();
    if (link.hreflang === document.documentElement.lang) link.setAttribute('aria-current', 'true');
  }
  const article = params.get('article');
  if (article) {
    for (const el of document.querySelectorAll('[article-id]')) el.setAttribute('article-id', article);
    for (const el of document.querySelectorAll('[current-article]')) el.setAttribute('current-article', article);
  }
  const adapter = params.get('adapter');
  if (!adapter) return;
  const provider = document.querySelector('mag-provider');
  provider.setAttribute('adapter', adapter);
  for (const name of ['endpoint', 'src']) {
    if (params.has(name)) provider.setAttribute(name, params.get(name));
  }
})();

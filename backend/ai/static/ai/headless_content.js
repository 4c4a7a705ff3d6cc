/* Page content for wagtail-ai's title/description panels and the Checks panel.
 *
 * wagtail-ai asks Wagtail's preview for the rendered page. Our preview is the
 * headless frontend on another origin, which Wagtail cannot read, so the text
 * is taken from the edit form's content fields instead: the title, text fields
 * and rich text, in form order. Plain text only; HTML is built with textContent.
 */
(() => {
  const SKIPPED = /(^|-)(slug|seo_title|search_description|go_live_at|expire_at)$/;

  const contentText = () => {
    const scope =
      document.querySelector('#tab-content') ||
      document.querySelector('form[data-edit-form]') ||
      document.querySelector('main form');
    if (!scope) return '';
    const parts = [];
    scope
      .querySelectorAll('input[type="text"], textarea, [contenteditable="true"]')
      .forEach((field) => {
        if (field.name && SKIPPED.test(field.name)) return;
        const text = field.isContentEditable ? field.innerText : field.value;
        if (text && text.trim()) parts.push(text.trim());
      });
    return parts.join('\n\n');
  };

  const contentHtml = () => {
    const container = document.createElement('div');
    contentText()
      .split('\n\n')
      .forEach((paragraph) => {
        const element = document.createElement('p');
        element.textContent = paragraph;
        container.appendChild(element);
      });
    return container.innerHTML;
  };

  const extracted = () => ({
    innerText: contentText(),
    innerHTML: contentHtml(),
    lang: document.documentElement.lang || 'en',
  });

  const registerWithWagtailAI = () => {
    const provider = window.wagtailAI && window.wagtailAI.ContextProvider;
    if (provider) {
      provider.register('content_text', async () => contentText());
      provider.register('content_html', async () => contentHtml());
    }
    const module =
      window.wagtail &&
      window.wagtail.app &&
      window.wagtail.app.router.modulesByIdentifier.get('w-preview');
    if (module) {
      module.definition.controllerConstructor.prototype.extractContent = async () => extracted();
    }
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', registerWithWagtailAI);
  } else {
    registerWithWagtailAI();
  }
  window.addEventListener('load', registerWithWagtailAI);
})();

/* The Draftail editor with "Generate with AI" inside a StreamField (see ai/draftail.py).
 *
 * StreamField blocks are drawn by telepath in the browser, so the button that
 * ai/widgets.py renders server-side is added here, bound to the same
 * cc-ai-generate controller (ai/generate.js). Loaded after Wagtail's draftail.js.
 */
(() => {
  if (!window.telepath || !window.draftail || window.codecampusAIDraftail) return;
  window.codecampusAIDraftail = true;

  class AIDraftailRichTextArea extends window.draftail.DraftailRichTextArea {
    constructor(options, config) {
      super(options);
      this.aiConfig = config;
    }

    render(placeholder, name, id, initialState, parentCapabilities, options = {}) {
      const bound = super.render(placeholder, name, id, initialState, parentCapabilities, options);
      const input = document.getElementById(id);
      if (input && input.parentNode) {
        const wrapper = document.createElement('div');
        wrapper.className = 'cc-ai';
        wrapper.dataset.controller = 'cc-ai-generate';
        wrapper.dataset.ccAiGenerateTargetIdValue = id;
        wrapper.dataset.ccAiGenerateConfigValue = JSON.stringify(this.aiConfig);
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'button button-small button-secondary cc-ai__button';
        button.textContent = 'Generate with AI';
        button.dataset.ccAiGenerateTarget = 'button';
        button.dataset.action = 'cc-ai-generate#generate';
        button.setAttribute('aria-label', `Generate with AI: ${this.aiConfig.label}`);
        button.setAttribute('aria-describedby', `${id}-ai-status`);
        const status = document.createElement('span');
        status.className = 'cc-ai__status';
        status.id = `${id}-ai-status`;
        status.setAttribute('role', 'status');
        status.setAttribute('aria-live', 'polite');
        status.dataset.ccAiGenerateTarget = 'status';
        wrapper.append(button, status);
        input.parentNode.appendChild(wrapper);
      }
      return bound;
    }
  }
  window.telepath.register('codecampus.widgets.AIDraftailRichTextArea', AIDraftailRichTextArea);
})();

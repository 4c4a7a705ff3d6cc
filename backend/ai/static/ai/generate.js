/* "Generate with AI" buttons in the Wagtail admin (see ai/widgets.py).
 *
 * A Stimulus controller registered on Wagtail's own application. It posts the
 * feature and the form's current context to /api/v1/ai/generate/ with the
 * admin's CSRF token, then fills the field through the field's own API: the
 * value and input/change events for text fields, Draftail's editor state for
 * rich text. Model output is untrusted: it only ever becomes plain text.
 */
(() => {
  if (window.codecampusAI) return;
  window.codecampusAI = true;

  const GENERATE_URL = '/api/v1/ai/generate/';
  const QUOTA_URL = '/api/v1/ai/quota/';
  const OFFLINE_LABEL = 'offline engine (extractive, not a language model)';
  let quotaRequest = null;

  const jsonHeaders = () => ({
    'Content-Type': 'application/json',
    Accept: 'application/json',
    [window.wagtailConfig.CSRF_HEADER_NAME]: window.wagtailConfig.CSRF_TOKEN,
  });

  const showWagtailMessage = (text, type) => {
    document.dispatchEvent(
      new CustomEvent('w-messages:add', { detail: { clear: true, text, type } }),
    );
  };

  const pageIdFromLocation = () => {
    const match = window.location.pathname.match(/\/pages\/(\d+)\/edit\//);
    return match ? Number(match[1]) : null;
  };

  // Draftail keeps a rich text field in a hidden input as JSON (a ContentState of
  // "blocks"). Wagtail 8's StreamField inputs carry no marker attribute, so rich
  // text is recognised by its editor, by the marker, or by the value's shape:
  // its JSON is never text for a prompt, and plain text is never written into it.
  const isDraftail = (input) => Boolean(input && input.draftailEditor);

  const storedContentState = (input) => {
    if (!input || input.type !== 'hidden') return null;
    try {
      const value = JSON.parse(input.value || 'null');
      return value && Array.isArray(value.blocks) ? value : null;
    } catch {
      return null;
    }
  };

  const isRichText = (input) =>
    isDraftail(input) ||
    Boolean(input && input.hasAttribute('data-draftail-input')) ||
    storedContentState(input) !== null;

  const draftailText = (input) => {
    if (isDraftail(input)) {
      return input.draftailEditor.getEditorState().getCurrentContent().getPlainText('\n');
    }
    const state = storedContentState(input) || { blocks: [] };
    return state.blocks.map((block) => String(block.text || '')).join('\n');
  };

  // A ContentState of unstyled paragraphs, for a rich text input whose editor is not drawn yet.
  const contentStateOf = (text) => ({
    blocks: text.split(/\n+/).map((line, index) => ({
      key: `ai${index}`,
      text: line,
      type: 'unstyled',
      depth: 0,
      inlineStyleRanges: [],
      entityRanges: [],
      data: {},
    })),
    entityMap: {},
  });

  const fieldText = (input) => {
    if (!input) return '';
    if (isRichText(input)) return draftailText(input);
    return input.value || '';
  };

  const quotaText = (body) =>
    body.limit === null || body.limit === undefined
      ? 'no call limit'
      : `${body.remaining_calls} of ${body.limit} calls left this hour`;

  const providerText = (body) => (body.provider === 'offline' ? OFFLINE_LABEL : body.model);

  class AIGenerateController extends window.StimulusModule.Controller {
    static values = { targetId: String, config: Object };

    static targets = ['button', 'status'];

    connect() {
      this.keepAfterEditor();
      if (!quotaRequest) {
        quotaRequest = fetch(QUOTA_URL, { credentials: 'same-origin', headers: jsonHeaders() })
          .then((response) => (response.ok ? response.json() : null))
          .catch(() => null);
      }
      quotaRequest.then((body) => {
        if (body && !this.statusTarget.textContent) {
          this.statusTarget.textContent = `${quotaText(body)} · ${providerText(body)}`;
        }
      });
    }

    // Draftail draws its editor after the hidden input; keep the button below it.
    keepAfterEditor() {
      const parent = this.element.parentNode;
      if (parent && parent.lastElementChild !== this.element) {
        window.setTimeout(() => {
          if (parent.lastElementChild !== this.element) parent.appendChild(this.element);
        }, 0);
      }
    }

    get field() {
      return document.getElementById(this.targetIdValue);
    }

    // Other fields are found by name: "^title" on the page, "solution" in the same inline form.
    sourceField(source) {
      const form = this.element.closest('form') || document;
      if (source === '@self') return this.field;
      if (source.startsWith('^')) return form.querySelector(`[name="${source.slice(1)}"]`);
      const name = this.field ? this.field.name || '' : '';
      const prefix = (name.match(/^([a-z_]+-\d+-)/) || ['', ''])[1];
      return form.querySelector(`[name="${prefix}${source}"]`);
    }

    requestContext() {
      const context = {};
      const pageId = pageIdFromLocation();
      if (pageId) context.page_id = pageId;
      Object.entries(this.configValue.sources || {}).forEach(([key, source]) => {
        const text = fieldText(this.sourceField(source)).trim();
        if (text) context[key] = text;
      });
      return context;
    }

    async generate() {
      if (this.buttonTarget.disabled) return;
      this.setBusy(true);
      this.statusTarget.textContent = `Generating ${this.configValue.label.toLowerCase()}…`;
      try {
        const response = await fetch(GENERATE_URL, {
          method: 'POST',
          credentials: 'same-origin',
          headers: jsonHeaders(),
          body: JSON.stringify({ feature: this.configValue.feature, context: this.requestContext() }),
        });
        const body = await response.json().catch(() => ({}));
        if (!response.ok) {
          this.fail(body.message || `AI generation failed (HTTP ${response.status}).`);
          return;
        }
        this.fill(String(body.content || ''));
        const origin = body.cached ? 'From the cache' : 'Generated';
        this.statusTarget.textContent = `${origin} · ${providerText(body)} · ${quotaText(body)}`;
      } catch (error) {
        // eslint-disable-next-line no-console
        console.error(error);
        this.fail('AI generation failed: the server could not be reached.');
      } finally {
        this.setBusy(false);
      }
    }

    setBusy(busy) {
      this.buttonTarget.disabled = busy;
      this.buttonTarget.setAttribute('aria-busy', busy ? 'true' : 'false');
      this.element.classList.toggle('cc-ai--busy', busy);
    }

    fail(message) {
      this.statusTarget.textContent = message;
      showWagtailMessage(message, 'error');
    }

    fill(text) {
      const input = this.field;
      if (!input) return;
      if (isDraftail(input)) {
        const editor = input.draftailEditor;
        const state = editor.getEditorState();
        const EditorState = state.constructor;
        const ContentState = state.getCurrentContent().constructor;
        editor.onChange(
          EditorState.push(state, ContentState.createFromText(text), 'insert-fragment'),
        );
        // Draftail writes its input only after a short debounce: a save in the meantime
        // would send the old text, so the input gets the same paragraphs at once.
        input.value = JSON.stringify(contentStateOf(text));
        return;
      }
      input.value = isRichText(input) ? JSON.stringify(contentStateOf(text)) : text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  window.wagtail.app.register('cc-ai-generate', AIGenerateController);
})();

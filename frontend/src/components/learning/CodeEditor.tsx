"use client";
import { indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { indentUnit } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { EditorView, basicSetup } from "codemirror";
import { useEffect, useRef } from "react";

const PYTHON_INDENT = "    ";
const TAB_HELP_ID = "code-editor-keys";

type Props = { value: string; onChange: (value: string) => void; label: string };

/**
 * CodeMirror 6, loaded only on the exercise route (see ExerciseWorkbench).
 *
 * Python as PEP 8 writes it: four spaces per level, so Enter after ``def f():`` and
 * Tab both indent by four (CodeMirror's default of two made beginners' code mix
 * widths). Tab indents inside the editor; Escape then Tab leaves it, CodeMirror's
 * standard escape, which the editor's description announces to screen readers.
 */
export default function CodeEditor({ value, onChange, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      doc: value,
      parent: host.current,
      extensions: [
        basicSetup,
        python(),
        indentUnit.of(PYTHON_INDENT),
        EditorState.tabSize.of(PYTHON_INDENT.length),
        keymap.of([indentWithTab]),
        EditorView.contentAttributes.of({ "aria-label": label, "aria-describedby": TAB_HELP_ID }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChangeRef.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor owns its document after mount; external resets go through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [label]);

  useEffect(() => {
    const editor = view.current;
    if (editor && editor.state.doc.toString() !== value) {
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
    }
  }, [value]);

  return (
    <>
      <p id={TAB_HELP_ID} className="meta">
        Tab indents by four spaces. To leave the editor with the keyboard, press Escape, then Tab.
      </p>
      <div ref={host} className="editor" data-testid="code-editor" />
    </>
  );
}

import Image from '@tiptap/extension-image';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
} from 'react';
import { createPortal } from 'react-dom';
import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { Field } from './Field';
import { problemText } from './Notice';

// Only what the server keeps (headings 2–3, emphasis, lists, quotes, links, images): what is
// written is what is shown. Underline is left out: on a web page it reads as a link.
const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
  }),
  Image,
];

export interface RichTextEditorProps {
  label: string;
  /** The text as HTML; an empty text is ''. */
  value: string;
  onChange: (html: string) => void;
  onBlur?: () => void;
  required?: boolean;
  error?: string | undefined;
  hint?: string;
  /** Uploads an image and answers its address; without it the editor offers no images. */
  onUploadImage?: (file: File) => Promise<string>;
  /** Why images cannot be added yet (e.g. "save first"), said where the image button would be. */
  imagesUnavailable?: string;
}

interface Tool {
  name: string;
  label: string;
  glyph: string;
  run: () => void;
  pressed?: boolean;
  disabled?: boolean;
}

/**
 * A small rich-text editor: headings, emphasis, lists, quotes, links, images, undo. The toolbar
 * is one tab stop (arrow keys move along it); the text area is labelled like any field.
 */
export function RichTextEditor(props: RichTextEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [
    props.hint || props.imagesUnavailable ? hintId : null,
    props.error ? errorId : null,
  ]
    .filter(Boolean)
    .join(' ');
  const [dialog, setDialog] = useState<'link' | 'image' | null>(null);
  // The HTML last handed out, so that the value coming back is not loaded into the editor again.
  const emitted = useRef(props.value);
  const [initialContent] = useState(props.value);

  const editorProps = useMemo(
    () => ({
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(props.error ? { 'aria-invalid': 'true' } : {}),
        ...(props.required ? { 'aria-required': 'true' } : {}),
        class: 'rich-text-content article-body',
      },
    }),
    [labelId, describedBy, props.error, props.required],
  );
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: initialContent,
    editorProps,
    onUpdate: ({ editor: changed }) => {
      const html = changed.isEmpty ? '' : changed.getHTML();
      emitted.current = html;
      props.onChange(html);
    },
    onBlur: () => props.onBlur?.(),
  });

  // A value set from outside (the form reset, the record reloaded) replaces the text.
  useEffect(() => {
    if (props.value === emitted.current) return;
    emitted.current = props.value;
    editor.commands.setContent(props.value, { emitUpdate: false });
  }, [editor, props.value]);

  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      h2: current.isActive('heading', { level: 2 }),
      h3: current.isActive('heading', { level: 3 }),
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      blockquote: current.isActive('blockquote'),
      link: current.isActive('link'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  const tools: Tool[] = [
    {
      name: 'h2',
      label: t('editor.heading2'),
      glyph: 'H2',
      pressed: state.h2,
      run: () => chain().toggleHeading({ level: 2 }).run(),
    },
    {
      name: 'h3',
      label: t('editor.heading3'),
      glyph: 'H3',
      pressed: state.h3,
      run: () => chain().toggleHeading({ level: 3 }).run(),
    },
    {
      name: 'bold',
      label: t('editor.bold'),
      glyph: 'B',
      pressed: state.bold,
      run: () => chain().toggleBold().run(),
    },
    {
      name: 'italic',
      label: t('editor.italic'),
      glyph: 'I',
      pressed: state.italic,
      run: () => chain().toggleItalic().run(),
    },
    {
      name: 'bullets',
      label: t('editor.bulletList'),
      glyph: '•',
      pressed: state.bulletList,
      run: () => chain().toggleBulletList().run(),
    },
    {
      name: 'numbers',
      label: t('editor.orderedList'),
      glyph: '1.',
      pressed: state.orderedList,
      run: () => chain().toggleOrderedList().run(),
    },
    {
      name: 'quote',
      label: t('editor.blockquote'),
      glyph: '“ ”',
      pressed: state.blockquote,
      run: () => chain().toggleBlockquote().run(),
    },
    {
      name: 'link',
      label: t('editor.link'),
      glyph: t('editor.linkShort'),
      pressed: state.link,
      run: () => setDialog('link'),
    },
    ...(props.onUploadImage
      ? [
          {
            name: 'image',
            label: t('editor.image'),
            glyph: t('editor.imageShort'),
            run: () => setDialog('image'),
          },
        ]
      : []),
    {
      name: 'undo',
      label: t('editor.undo'),
      glyph: '↶',
      disabled: !state.canUndo,
      run: () => chain().undo().run(),
    },
    {
      name: 'redo',
      label: t('editor.redo'),
      glyph: '↷',
      disabled: !state.canRedo,
      run: () => chain().redo().run(),
    },
  ];

  const close = () => setDialog(null);
  // Back to the text once the dialog has closed (closing gives focus back to the button).
  const backToText = () => setTimeout(() => editor.commands.focus(), 0);

  return (
    <div className={props.error ? 'field field-invalid rich-text' : 'field rich-text'}>
      <span id={labelId} className="field-label">
        {props.label}
        {!props.required && <span className="field-optional"> ({t('common.optional')})</span>}
      </span>
      {(props.hint || props.imagesUnavailable) && (
        <div id={hintId} className="field-hint">
          {[props.hint, props.imagesUnavailable].filter(Boolean).join(' ')}
        </div>
      )}
      <Toolbar label={t('editor.toolbar', { field: props.label })} tools={tools} />
      <EditorContent editor={editor} />
      {props.error && (
        <div id={errorId} className="field-error">
          {props.error}
        </div>
      )}
      {createPortal(
        <>
          <Dialog title={t('editor.linkTitle')} open={dialog === 'link'} onClose={close}>
            <LinkForm
              editor={editor}
              onDone={() => {
                close();
                backToText();
              }}
              onCancel={close}
            />
          </Dialog>
          {props.onUploadImage && (
            <Dialog title={t('editor.imageTitle')} open={dialog === 'image'} onClose={close}>
              <ImageForm
                upload={props.onUploadImage}
                onInsert={(src, alt) => {
                  editor.chain().setImage({ src, alt }).run();
                  close();
                  backToText();
                }}
                onCancel={close}
              />
            </Dialog>
          )}
        </>,
        document.body,
      )}
    </div>
  );
}

/** The buttons as one tab stop: arrow keys, Home and End move between them. */
function Toolbar(props: { label: string; tools: Tool[] }) {
  const [current, setCurrent] = useState(0);
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const enabled = props.tools.flatMap((tool, index) => (tool.disabled ? [] : [index]));
  // A disabled button cannot take focus: the first enabled one is the tab stop then.
  const tabStop = enabled.includes(current) ? current : (enabled[0] ?? 0);
  const onKeyDown = (event: KeyboardEvent) => {
    const at = enabled.indexOf(tabStop);
    const moves: Record<string, number | undefined> = {
      ArrowRight: enabled[(at + 1) % enabled.length],
      ArrowLeft: enabled[(at - 1 + enabled.length) % enabled.length],
      Home: enabled[0],
      End: enabled[enabled.length - 1],
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setCurrent(next);
    refs.current[next]?.focus();
  };
  return (
    <div
      className="rich-text-toolbar"
      role="toolbar"
      aria-label={props.label}
      onKeyDown={onKeyDown}
    >
      {props.tools.map((tool, index) => (
        <button
          key={tool.name}
          ref={(element) => {
            refs.current[index] = element;
          }}
          type="button"
          className={`tool tool-${tool.name}`}
          aria-label={tool.label}
          title={tool.label}
          aria-pressed={tool.pressed}
          disabled={tool.disabled}
          tabIndex={index === tabStop ? 0 : -1}
          onFocus={() => setCurrent(index)}
          onClick={tool.run}
        >
          <span aria-hidden="true">{tool.glyph}</span>
        </button>
      ))}
    </div>
  );
}

/**
 * A web, e-mail or phone address, or a page of this app; a bare address gets its scheme. Null
 * when it is none of these.
 */
export function linkAddress(text: string): string | null {
  const value = text.trim();
  if (/^(https?:\/\/|mailto:|tel:)\S+$/i.test(value) || /^\/(?!\/)\S*$/.test(value)) return value;
  if (/^[^\s@/:]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return `mailto:${value}`;
  if (/^\+?[0-9][0-9 ()-]{5,}$/.test(value)) return `tel:${value.replace(/[\s()-]/g, '')}`;
  if (/^[\w-]+(\.[\w-]+)+([/?#]\S*)?$/.test(value)) return `https://${value}`;
  return null;
}

/** Focuses the control once its dialog has opened (showModal would focus the close button). */
function useFocusOnOpen<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => ref.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  return ref;
}

// The dialogs live outside the page's form in the document but inside it for React, whose
// events would carry their submit on to the page's form: each stops its own.
function LinkForm(props: { editor: Editor; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { editor } = props;
  const existing = (editor.getAttributes('link').href as string | undefined) ?? '';
  const [address, setAddress] = useState(existing);
  const [error, setError] = useState<string | undefined>(undefined);
  const input = useFocusOnOpen<HTMLInputElement>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const href = linkAddress(address);
    if (!href) {
      setError(t('editor.linkInvalid'));
      return;
    }
    const { empty } = editor.state.selection;
    if (empty && !editor.isActive('link')) {
      // Nothing chosen: the address itself becomes the linked text.
      editor
        .chain()
        .insertContent({
          type: 'text',
          text: address.trim(),
          marks: [{ type: 'link', attrs: { href } }],
        })
        .run();
    } else {
      editor.chain().extendMarkRange('link').setLink({ href }).run();
    }
    props.onDone();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field label={t('editor.linkAddress')} hint={t('editor.linkHint')} required error={error}>
        <input
          ref={input}
          type="text"
          inputMode="url"
          autoComplete="url"
          value={address}
          onChange={(event) => setAddress(event.target.value)}
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary">
          {existing ? t('common.save') : t('editor.addLink')}
        </button>
        {existing && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              editor.chain().extendMarkRange('link').unsetLink().run();
              props.onDone();
            }}
          >
            {t('editor.removeLink')}
          </button>
        )}
        <button type="button" className="button-secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

const IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';

function ImageForm(props: {
  upload: (file: File) => Promise<string>;
  onInsert: (src: string, alt: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [errors, setErrors] = useState<{ file?: string; alt?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const input = useFocusOnOpen<HTMLInputElement>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const found = {
      ...(file ? {} : { file: t('editor.imageFileMissing') }),
      ...(alt.trim() ? {} : { alt: t('editor.imageAltMissing') }),
    };
    setErrors(found);
    if (!file || !alt.trim()) return;
    setBusy(true);
    try {
      props.onInsert(await props.upload(file), alt.trim());
    } catch (error) {
      setErrors({ form: problemText(error, t('errors.network')) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      {errors.form && (
        <div className="notice notice-error" role="alert">
          {errors.form}
        </div>
      )}
      <Field label={t('editor.imageFile')} required error={errors.file}>
        <input
          ref={input}
          type="file"
          accept={IMAGE_TYPES}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
      </Field>
      <Field
        label={t('editor.imageAlt')}
        hint={t('editor.imageAltHint')}
        required
        error={errors.alt}
      >
        <input value={alt} onChange={(event) => setAlt(event.target.value)} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? t('editor.uploading') : t('editor.insertImage')}
        </button>
        <button type="button" className="button-secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** A RichTextEditor as a field of a react-hook-form form. */
export function RichTextField<V extends FieldValues>(
  props: Omit<RichTextEditorProps, 'value' | 'onChange' | 'onBlur'> & {
    control: Control<V>;
    name: FieldPathByValue<V, string>;
  },
) {
  const { control, name, ...editor } = props;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <RichTextEditor
          {...editor}
          value={field.value}
          onChange={field.onChange}
          onBlur={field.onBlur}
        />
      )}
    />
  );
}

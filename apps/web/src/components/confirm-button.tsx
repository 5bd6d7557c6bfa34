// A button for an irreversible act: it opens a modal dialog that names what will happen (what is
// frozen, closed or published) and asks again. The native <dialog> opened with showModal() makes
// the rest of the page inert (focus stays inside), Escape cancels, and focus returns to the button.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export function ConfirmButton({
  label,
  title,
  children,
  confirmLabel,
  onConfirm,
  disabled = false,
  primary = false,
}: {
  /** The button's text, e.g. "Open the voting period (freeze)". */
  readonly label: string;
  /** The dialog's heading: the question. */
  readonly title: string;
  /** What will be done, named: the files, the period, the PV. */
  readonly children: ReactNode;
  /** The confirming button's text, e.g. "Yes, freeze the files". */
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly disabled?: boolean;
  readonly primary?: boolean;
}): ReactNode {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const id = useId();
  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    if (open && !element.open) {
      element.showModal();
      cancelButton.current?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <>
      <button
        type="button"
        className={primary ? 'primary' : undefined}
        disabled={disabled}
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
        }}
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
        onClose={() => {
          setOpen(false);
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-text`}>{children}</div>
        <p className="hint">{t('confirm.irreversible')}</p>
        <div className="actions">
          <button
            type="button"
            ref={cancelButton}
            onClick={() => {
              setOpen(false);
            }}
          >
            {t('confirm.cancel')}
          </button>
          <button
            type="button"
            className="primary danger"
            onClick={() => {
              setOpen(false);
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}

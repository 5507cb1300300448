import {useId, useState, type DragEvent, type ReactNode} from 'react';
import clsx from 'clsx';
import styles from './kit.module.css';

interface Props {
  /** The visible label of the file input, e.g. "Choose a log file". */
  label: string;
  /** What the file input accepts, e.g. ".qwc,.xml,text/xml". */
  accept: string;
  /** The line under the input, e.g. "or drop the file here." */
  dropHint: ReactNode;
  /** Called with the chosen or dropped file; `others` counts further files dropped with it. */
  onFile: (file: File | undefined, others: number) => void;
  /** Called when text (not a file) is dropped, e.g. a selection dragged from another window. */
  onText?: (text: string) => void;
  /** Ids of the text that describes the input (what happens to the file). */
  describedBy?: string;
  /** Names the drop area for assistive technology. */
  groupLabel?: string;
  disabled?: boolean;
  /** The class of the label, so it matches the widget's other labels. */
  labelClassName?: string;
}

/**
 * A file input inside an area that also takes a dropped file (or dropped text): the same markup
 * and behaviour for every widget that reads a file in the browser. Choosing the same file again
 * reads it again.
 */
export default function FileDrop({
  label,
  accept,
  dropHint,
  onFile,
  onText,
  describedBy,
  groupLabel,
  disabled,
  labelClassName,
}: Props): ReactNode {
  const inputId = useId();
  const [dragging, setDragging] = useState(false);

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const {files} = event.dataTransfer;
    if (files.length === 0) {
      const text = event.dataTransfer.getData('text/plain');
      if (text && onText) onText(text);
      return;
    }
    onFile(files[0], files.length - 1);
  }

  return (
    <div
      className={clsx(styles.dropZone, dragging && styles.dropZoneActive)}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      {...(groupLabel ? {role: 'group', 'aria-label': groupLabel} : {})}>
      <label htmlFor={inputId} className={clsx(styles.label, labelClassName)}>
        {label}
      </label>
      <input
        id={inputId}
        type="file"
        accept={accept}
        className={styles.fileInput}
        aria-describedby={describedBy}
        disabled={disabled}
        onChange={(event) => {
          onFile(event.target.files?.[0], 0);
          event.target.value = '';
        }}
      />
      <p className={styles.dropHint}>{dropHint}</p>
    </div>
  );
}

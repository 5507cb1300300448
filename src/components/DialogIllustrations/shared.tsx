import type {ReactNode} from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

/*
 * Drawings of the QuickBooks and Web Connector windows a reader meets during setup. They are drawn
 * in HTML and CSS rather than screenshots so they follow the theme, scale to a phone, and carry the
 * site's configurable product name. Every drawing is one image to assistive technology (role="img"
 * with a full description); the controls inside are pictures, never real, focusable form controls.
 */

/** The four answers of the Application Certificate window, in the order QuickBooks lists them. */
export type CertificateChoice = 'no' | 'prompt' | 'when-open' | 'always';

export const certificateChoiceLabels: Record<CertificateChoice, string> = {
  no: 'No',
  prompt: 'Yes, prompt each time',
  'when-open': 'Yes, whenever this QuickBooks company file is open',
  always: 'Yes, always; allow access even if QuickBooks is not running',
};

export const certificateChoices: readonly CertificateChoice[] = ['no', 'prompt', 'when-open', 'always'];

export const personalDataLabel =
  'Allow this application to access personal data such as Social Security Numbers and customer credit card information.';

interface DrawnFigureProps {
  /** What the drawing shows, read out as the image's description. */
  description: string;
  caption: ReactNode;
  title: string;
  children: ReactNode;
  wide?: boolean;
  /**
   * Set when some of the drawn text is not the window's exact wording (no source gives it): the
   * caption then says the drawing is a sketch, so nobody looks for those words on screen.
   */
  sketch?: boolean;
}

export const sketchNote =
  'A sketch: the choices, boxes and buttons carry the window’s own labels; its other text may be worded differently.';

export function DrawnFigure({description, caption, title, children, wide = false, sketch = false}: DrawnFigureProps): ReactNode {
  return (
    <figure className={styles.figure}>
      <div className={clsx(styles.window, wide && styles.wideWindow)} role="img" aria-label={description}>
        <div aria-hidden="true">
          <div className={styles.titleBar}>
            <span className={styles.titleText}>{title}</span>
            <span className={styles.closeBox}>×</span>
          </div>
          <div className={styles.body}>{children}</div>
        </div>
      </div>
      <figcaption className={styles.caption}>
        {caption}
        {sketch && <span className={styles.sketchNote}> {sketchNote}</span>}
      </figcaption>
    </figure>
  );
}

interface MarkProps {
  /** Draws the outline and badge only when true, so callers can mark one element of many. */
  active: boolean;
  badge: string;
  children: ReactNode;
  className?: string;
  inline?: boolean;
}

/** The highlight: a thick outline plus a text badge, so the mark never depends on colour alone. */
export function Mark({active, badge, children, className, inline = false}: MarkProps): ReactNode {
  const Tag = inline ? 'span' : 'div';
  return (
    <Tag className={clsx(className, active && styles.marked, inline && styles.markInline)}>
      {children}
      {active && <span className={styles.badge}>{badge}</span>}
    </Tag>
  );
}

export function DrawnRadio({on}: {on: boolean}): ReactNode {
  return <span className={clsx(styles.radio, on && styles.radioOn)} />;
}

export function DrawnCheckbox({on}: {on: boolean}): ReactNode {
  return <span className={styles.checkbox}>{on ? '✓' : ''}</span>;
}

export function DrawnButton({children}: {children: ReactNode}): ReactNode {
  return <span className={styles.button}>{children}</span>;
}

export function quoted(text: string): string {
  return `“${text}”`;
}

/** Where a character index of a textarea is drawn, relative to the textarea's border box. */
export interface CaretBox {
  readonly top: number;
  readonly left: number;
  readonly height: number;
}

// Everything that changes where text wraps and how tall a line is.
const COPIED = [
  'boxSizing',
  'width',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'borderStyle',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'fontStyle',
  'fontVariant',
  'fontWeight',
  'fontStretch',
  'fontSize',
  'fontFamily',
  'lineHeight',
  'letterSpacing',
  'wordSpacing',
  'textIndent',
  'textTransform',
  'tabSize',
] as const;

/**
 * The mirror-div technique: an invisible div styled like the textarea holds the text up to the
 * index followed by a marker span, whose offset is the caret's position. One mirror per field,
 * reused; callers skip it for very long texts (its cost grows with the text before the caret).
 */
export function createCaretMirror() {
  const mirror = document.createElement('div');
  mirror.setAttribute('aria-hidden', 'true');
  Object.assign(mirror.style, { position: 'absolute', visibility: 'hidden', top: '0', left: '-9999px', whiteSpace: 'pre-wrap', overflowWrap: 'break-word' });
  const marker = document.createElement('span');
  document.body.append(mirror);

  return {
    measure(area: HTMLTextAreaElement, index: number): CaretBox {
      const style = getComputedStyle(area);
      for (const key of COPIED) mirror.style[key] = style[key];
      // A visible scrollbar narrows the text column; mirror it.
      mirror.style.overflowY = area.scrollHeight > area.clientHeight ? 'scroll' : 'hidden';
      mirror.style.height = 'auto';
      mirror.textContent = area.value.slice(0, index);
      marker.textContent = area.value.slice(index, index + 1) || '.';
      mirror.append(marker);
      const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.4;
      return {
        top: marker.offsetTop + Number.parseFloat(style.borderTopWidth) - area.scrollTop,
        left: marker.offsetLeft + Number.parseFloat(style.borderLeftWidth) - area.scrollLeft,
        height: lineHeight,
      };
    },
    dispose: () => mirror.remove(),
  };
}

import { MAIN_CONTENT_ID } from '../site.js';

/** First focusable element of every page; jumps keyboard users past the header and navigation. */
export function SkipLink() {
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
      Chuyển đến nội dung chính
    </a>
  );
}

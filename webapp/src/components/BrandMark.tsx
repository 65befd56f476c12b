/** TikTimer's mark: a stopwatch, drawn inline so it needs no font or extra request. */
export function BrandMark() {
  return (
    <svg className="brand-mark" width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="13.5" r="8.5" fill="none" stroke="currentColor" strokeWidth="2.4" />
      <path d="M12 13.5V8.5M9.5 2.5h5" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
    </svg>
  );
}

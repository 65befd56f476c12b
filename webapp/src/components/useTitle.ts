import { useEffect } from 'react';

/** Each page names itself in the tab, which is also what a screen reader announces after navigation. */
export function useTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · TikTimer`;
  }, [title]);
}

import { useCallback, useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent } from "react";

/** Keys that move focus along each axis: forward, backward. */
const KEYS = {
  vertical: { next: ["ArrowDown"], previous: ["ArrowUp"] },
  horizontal: { next: ["ArrowRight"], previous: ["ArrowLeft"] },
} as const;

/** Items of the group a user can reach now: not inside a folded (hidden) part, not disabled. */
function reachable(container: HTMLElement, selector: string): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(selector)].filter(
    (el) => el.closest("[hidden]") === null && !el.hasAttribute("disabled"),
  );
}

/**
 * A roving tabindex (WAI-ARIA Authoring Practices): the group is one Tab stop — the item last used, else the
 * first — and the arrow keys (Home and End too) move between its items. Plain tabindex attributes, so
 * nothing hidden is focusable and screen readers see the items as they are. Items added or folded away by
 * a re-render are taken into account after every render.
 */
export function useRovingTabIndex<T extends HTMLElement>(
  axis: keyof typeof KEYS,
  selector = "button",
): {
  ref: (el: T | null) => void;
  onKeyDown: (e: KeyboardEvent<T>) => void;
  onFocus: (e: FocusEvent<T>) => void;
  "data-roving": keyof typeof KEYS;
} {
  const container = useRef<T | null>(null);
  const current = useRef<HTMLElement | null>(null);

  const settle = useCallback(
    (focused?: HTMLElement) => {
      const root = container.current;
      if (!root) return;
      const items = reachable(root, selector);
      if (focused && items.includes(focused)) current.current = focused;
      if (!current.current || !items.includes(current.current)) current.current = items[0] ?? null;
      for (const item of root.querySelectorAll<HTMLElement>(selector))
        item.tabIndex = item === current.current ? 0 : -1;
    },
    [selector],
  );

  // After every render: new items start outside the tab order, a folded-away current item gives way.
  useLayoutEffect(() => settle());

  const ref = useCallback((el: T | null) => {
    container.current = el;
  }, []);

  const onFocus = useCallback(
    (event: FocusEvent<T>) => {
      const target = event.target as HTMLElement;
      if (target.matches(selector)) settle(target);
    },
    [selector, settle],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<T>) => {
      const root = container.current;
      if (!root) return;
      const items = reachable(root, selector);
      const at = items.indexOf(event.target as HTMLElement);
      if (at < 0) return;
      const keys = KEYS[axis];
      let next: number | null = null;
      if ((keys.next as readonly string[]).includes(event.key)) next = Math.min(items.length - 1, at + 1);
      else if ((keys.previous as readonly string[]).includes(event.key)) next = Math.max(0, at - 1);
      else if (event.key === "Home") next = 0;
      else if (event.key === "End") next = items.length - 1;
      if (next === null) return;
      event.preventDefault();
      const target = items[next];
      if (!target) return;
      settle(target);
      target.focus();
    },
    [axis, selector, settle],
  );

  return { ref, onKeyDown, onFocus, "data-roving": axis };
}

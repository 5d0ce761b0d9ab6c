import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the focus on a comment across updates. A comment that moves to another place in the list (a
 * comment inserted before it, another order) is drawn anew; when it had the focus (itself, or its
 * Reply button), the focus goes back to it.
 */
export class FocusKeeper implements ReactiveController {
  private _focused?: { id: string; replyButton: boolean };

  constructor(private readonly host: ReactiveControllerHost & { renderRoot: HTMLElement | DocumentFragment }) {
    host.addController(this);
  }

  /** Moves the focus to a comment. */
  focusComment(id: string): void {
    this.host.renderRoot.querySelector<HTMLElement>(`article[data-comment-id="${CSS.escape(id)}"]`)?.focus();
  }

  hostUpdate(): void {
    const active = (this.host.renderRoot as ShadowRoot).activeElement;
    const article = active?.closest('article[data-comment-id]');
    this._focused = article ? { id: article.getAttribute('data-comment-id')!, replyButton: active !== article } : undefined;
  }

  hostUpdated(): void {
    const focused = this._focused;
    this._focused = undefined;
    const root = this.host.renderRoot as ShadowRoot;
    if (!focused || root.activeElement) return;
    const article = root.querySelector<HTMLElement>(`article[data-comment-id="${CSS.escape(focused.id)}"]`);
    const target = focused.replyButton ? article?.querySelector<HTMLElement>('.reply') : article;
    target?.focus({ preventScroll: true });
  }
}

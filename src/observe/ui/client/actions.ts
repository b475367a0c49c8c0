import { el } from './dom.js';

const csrf = () => document.querySelector<HTMLMetaElement>('meta[name="hactl-csrf"]')?.content ?? '';

/** A button that asks first, then posts the action; the server runs it with the runtime's own tool and logs it. */
export function actionButton(label: string, op: string, args: Record<string, string>, report: (text: string, ok: boolean) => void): HTMLElement {
  const button = el('button', { type: 'button', class: 'action', 'data-op': op }, label) as HTMLButtonElement;
  button.addEventListener('click', () => {
    const what = `${op} ${Object.values(args).join(' ')}`.trim();
    if (!window.confirm(`Run "${what}" on the cluster?`)) return;
    button.disabled = true;
    fetch('/api/action', { method: 'POST', headers: { 'content-type': 'application/json', 'x-hactl-csrf': csrf() }, body: JSON.stringify({ op, args }) })
      .then(async (res) => {
        const body = (await res.json()) as { ok?: boolean; detail?: string; error?: string };
        report(`${what}: ${body.detail ?? body.error ?? res.statusText}`, res.ok && body.ok === true);
      })
      .catch((err: unknown) => report(`${what}: ${(err as Error).message}`, false))
      .finally(() => (button.disabled = false));
  });
  return button;
}

import type { Block, HomeView, SlackButton, SlackMessage } from "../../adapters/slack/render-schema.js";

/**
 * Block Kit as HTML, close enough to judge at a glance and on a phone: Slack's fonts, spacing, two-column fields,
 * an accessory at the right of its section, grey context, buttons that wrap, and code spans drawn as Slack draws
 * them (red on grey). mrkdwn arrives escaped (&amp; &lt; &gt;), which is also safe HTML.
 */
export function slackHtml(message: SlackMessage | HomeView): string {
  return `<div class="slack-msg"><div class="avatar"></div><div class="body"><div class="name">MLOps Assess <span class="app">APP</span></div>${message.blocks.map(block).join("")}</div></div>`;
}

const plain = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The subset of mrkdwn the renderers write: *bold*, _italic_, `code`, channel mentions, line breaks, and the one emoji
 * code (:warning:, the mark of every problem), drawn as the emoji Slack shows.
 */
export function mrkdwnHtml(text: string): string {
  return text
    .replace(/:warning:/g, "⚠️")
    .replace(/`([^`\n]+)`/g, "<code>$1</code>")
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, "$1<b>$2</b>")
    .replace(/(^|[\s(])_([^_\n]+)_/g, "$1<i>$2</i>")
    .replace(
      /&lt;#(C[A-Z0-9]+)(?:\|([^&]*))?&gt;/g,
      (_, id: string, name?: string) => `<span class="mention">#${name ?? id}</span>`,
    )
    .replace(
      /<#(C[A-Z0-9]+)(?:\|([^>]*))?>/g,
      (_, id: string, name?: string) => `<span class="mention">#${name ?? id}</span>`,
    )
    .replace(/\n/g, "<br>");
}

function button(b: SlackButton): string {
  const style = b.style ? ` ${b.style}` : "";
  const spoken = b.accessibility_label ? ` aria-label="${plain(b.accessibility_label)}"` : "";
  const confirm = b.confirm ? ` title="asks: ${plain(b.confirm.title.text)}"` : "";
  return `<button class="btn${style}"${spoken}${confirm}>${plain(b.text.text)}</button>`;
}

function block(b: Block): string {
  switch (b.type) {
    case "header":
      return `<div class="header">${plain(b.text.text)}</div>`;
    case "section": {
      const text = b.text ? `<div class="text">${mrkdwnHtml(b.text.text)}</div>` : "";
      const fields = b.fields
        ? `<div class="fields">${b.fields.map((f) => `<div>${mrkdwnHtml(f.text)}</div>`).join("")}</div>`
        : "";
      const accessory = b.accessory ? `<div class="accessory">${button(b.accessory)}</div>` : "";
      return `<div class="section"><div class="main">${text}${fields}</div>${accessory}</div>`;
    }
    case "context":
      return `<div class="context">${b.elements.map((e) => `<span>${mrkdwnHtml(e.text)}</span>`).join("")}</div>`;
    case "actions":
      return `<div class="actions">${b.elements.map(button).join("")}</div>`;
    case "divider":
      return '<hr class="divider">';
    case "image":
      return `<img class="image" src="${plain(b.image_url)}" alt="${plain(b.alt_text)}">`;
  }
}

export const SLACK_CSS = `
.slack-msg{display:flex;gap:8px;font:15px/1.46668 Lato,"Helvetica Neue",Arial,sans-serif;color:#1d1c1d;padding:8px 16px 8px 12px;background:#fff}
.slack-msg .avatar{flex:0 0 36px;height:36px;border-radius:6px;background:#3182bd}
.slack-msg .body{flex:1;min-width:0}
.slack-msg .name{font-weight:900}
.slack-msg .app{font-size:10px;font-weight:700;background:#e8e8e8;color:#616061;padding:1px 3px;border-radius:2px}
.slack-msg .header{font-size:18px;font-weight:900;line-height:1.33;margin:6px 0 4px}
.slack-msg .section{display:flex;gap:8px;align-items:flex-start;margin:4px 0}
.slack-msg .section .main{flex:1;min-width:0;overflow-wrap:anywhere}
.slack-msg .fields{display:grid;grid-template-columns:1fr 1fr;gap:4px 16px}
.slack-msg .context{font-size:12px;line-height:1.5;color:#616061;margin:4px 0;display:flex;flex-wrap:wrap;gap:0 8px;overflow-wrap:anywhere}
.slack-msg .actions{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.slack-msg .btn{font:700 13px Lato,Arial,sans-serif;min-height:28px;padding:0 12px;border:1px solid #bbb;border-radius:4px;background:#fff;color:#1d1c1d;white-space:nowrap;max-width:100%;overflow:hidden;text-overflow:ellipsis}
.slack-msg .btn.primary{background:#007a5a;border-color:#007a5a;color:#fff}
.slack-msg .btn.danger{background:#e01e5a;border-color:#e01e5a;color:#fff}
.slack-msg code{font:12px Monaco,Menlo,Consolas,monospace;color:#e01e5a;background:#f8f8f8;border:1px solid #ddd;border-radius:3px;padding:2px 3px}
.slack-msg .mention{color:#1264a3;background:#e8f5fa;border-radius:3px;padding:0 2px}
.slack-msg .divider{border:0;border-top:1px solid #ddd;margin:8px 0}
.slack-msg .image{max-width:100%;border-radius:4px;margin:4px 0}
`;

/**
 * Styles of the chat frame (its own document, so nothing of the host page's CSS reaches it).
 * Colours are chosen for at least 4.5:1 contrast on their background; touch targets are 44 px.
 */
export const css = `
*, *::before, *::after { box-sizing: border-box; }
html, body { height: 100%; margin: 0; }
body {
  font-family: system-ui, -apple-system, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif;
  font-size: 16px; line-height: 1.6; color: #1a1a1a; background: #ffffff;
  -webkit-text-size-adjust: 100%;
}
button, select, textarea { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; box-shadow: 0 0 0 5px #1a1a1a; }
/* the dialog takes focus on open on touch screens: no ring around the whole panel */
.panel:focus-visible { outline: none; box-shadow: none; }
.sr { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
[hidden] { display: none !important; }

.panel { display: flex; flex-direction: column; height: 100%; min-height: 0; }

.header { padding: 8px 8px 8px 14px; background: #0b5394; color: #ffffff; }
.header-top { display: flex; align-items: center; gap: 6px; }
.title { flex: 1; min-width: 0; margin: 0; font-size: 17px; font-weight: 700; line-height: 1.3; word-break: keep-all; overflow-wrap: anywhere; }
.header-sub { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 2px 10px; margin-top: 2px; }
.subtitle { margin: 0; font-size: 13px; line-height: 1.4; }
.lang { font-size: 13px; white-space: nowrap; }
.lang select { margin-left: 6px; min-height: 32px; padding: 2px 4px; border: 1px solid #ffffff; border-radius: 4px; background: #ffffff; color: #1a1a1a; font-size: 14px; }
.exit {
  flex: none; min-height: 44px; padding: 0 10px; border: 2px solid #ffffff; border-radius: 8px;
  background: #ffffff; color: #8a1c1c; font-size: 15px; font-weight: 700; white-space: nowrap; cursor: pointer;
}
.exit:hover { background: #fdecea; }
.close {
  flex: none; width: 44px; height: 44px; border: 2px solid transparent; border-radius: 8px;
  background: transparent; color: #ffffff; cursor: pointer; display: inline-flex; align-items: center; justify-content: center;
}
.close:hover { border-color: #ffffff; }
.close svg { width: 22px; height: 22px; }

.notice { margin: 0; padding: 6px 14px; background: #fff8e1; border-bottom: 1px solid #d9c48a; font-size: 13px; line-height: 1.5; }
.notice p { margin: 0 0 2px; }
.notice .emergency { font-weight: 700; color: #8a1c1c; }
.notice .more p { margin-top: 4px; }
.small {
  min-height: 32px; padding: 2px 8px; border: 1px solid #4a4a4a; border-radius: 6px;
  background: #ffffff; color: #1a1a1a; font-size: 13px; cursor: pointer;
}
.small:hover { background: #eeeeee; }
.toggle { display: block; margin: 4px 0 0 auto; }

a.tel {
  display: inline-block; white-space: nowrap; min-height: 24px; padding: 2px 2px 0; font-weight: 700;
  color: inherit; text-decoration: underline; text-underline-offset: 2px;
}
.notice a.tel { color: #8a1c1c; }
.msg[data-direction="out"] a.tel { color: #0b3d6e; }

.log { flex: 1; min-height: 0; overflow-y: auto; padding: 12px 12px 4px; background: #f7f7f7; margin: 0; }
.welcome { margin: 0 0 12px; padding: 10px 12px; background: #ffffff; border: 1px solid #d0d0d0; border-radius: 10px; font-size: 14px; }
.note { margin: 0 0 12px; padding: 8px 12px; background: #e8f0fe; border: 1px solid #8aa9d6; border-radius: 10px; font-size: 14px; }
.msg { display: flex; flex-direction: column; margin: 0 0 12px; max-width: 85%; }
.msg[data-direction="in"] { margin-left: auto; align-items: flex-end; }
.msg[data-direction="out"] { margin-right: auto; align-items: flex-start; }
.bubble { padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere; word-break: normal; }
.msg[data-direction="in"] .bubble { background: #0b5394; color: #ffffff; border-bottom-right-radius: 4px; }
.msg[data-direction="out"] .bubble { background: #ffffff; color: #1a1a1a; border: 1px solid #c4c4c4; border-bottom-left-radius: 4px; }
.msg[data-state="rejected"] .bubble { background: #ffffff; color: #1a1a1a; border: 2px solid #b00020; }
.meta { font-size: 12px; color: #4a4a4a; margin-top: 2px; }
.meta .small { margin-left: 6px; }
.msg[data-state="failed"] .meta, .msg[data-state="rejected"] .meta { color: #b00020; font-weight: 700; }
.msg[data-state="rejected"] .meta { text-align: right; }
.actions { display: flex; justify-content: flex-end; gap: 6px; margin-top: 4px; }
.actions .small { margin: 0; min-height: 36px; font-weight: 700; }
.msg[data-author="bot"] .bubble { background: #eef4ea; border: 1px dashed #4d6b3c; }
.tag { font-size: 12px; font-weight: 700; color: #2f4a22; margin-bottom: 2px; }
.choices { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
.choice {
  min-height: 44px; padding: 6px 14px; border: 2px solid #0b5394; border-radius: 22px;
  background: #ffffff; color: #0b5394; font-size: 15px; font-weight: 700; line-height: 1.3; text-align: left; cursor: pointer;
}
.choice:hover { background: #e6eef7; }
.choice:disabled { border-color: #8a8a8a; color: #4a4a4a; cursor: default; }
.typing { margin: 0; padding: 4px 16px; font-size: 13px; color: #4a4a4a; background: #f7f7f7; }

.status { margin: 0; padding: 6px 16px; font-size: 13px; background: #fdecea; color: #8a1c1c; border-top: 1px solid #e6b8b3; }

.composer { padding: 8px 12px 10px; border-top: 1px solid #c4c4c4; background: #ffffff; }
.composer label { display: block; font-size: 13px; font-weight: 700; margin-bottom: 4px; }
.row { display: flex; gap: 8px; align-items: flex-end; }
textarea {
  flex: 1; min-width: 0; min-height: 48px; max-height: 140px; resize: none;
  padding: 8px 10px; border: 2px solid #6b6b6b; border-radius: 8px; background: #ffffff; line-height: 1.5;
}
textarea[aria-invalid="true"] { border-color: #b00020; }
.send {
  flex: none; min-width: 64px; min-height: 48px; padding: 0 14px; border: 0; border-radius: 8px;
  background: #0b5394; color: #ffffff; font-weight: 700; cursor: pointer;
}
.send:hover { background: #083f72; }
.send:disabled { background: #8a8a8a; color: #ffffff; cursor: not-allowed; }
.under { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 4px 8px; margin-top: 4px; }
.counter { font-size: 12px; color: #4a4a4a; }
.counter.over { color: #b00020; font-weight: 700; }
.error { margin: 4px 0 0; font-size: 13px; color: #b00020; font-weight: 700; }
.confirm { margin-top: 8px; padding: 10px 12px; border: 2px solid #8a1c1c; border-radius: 8px; background: #fdecea; font-size: 14px; }
.confirm p { margin: 0 0 8px; }
.confirm-buttons { display: flex; gap: 8px; }
.danger, .plain { min-height: 44px; padding: 0 16px; border-radius: 8px; font-weight: 700; cursor: pointer; }
.danger { border: 0; background: #b00020; color: #ffffff; }
.plain { border: 2px solid #4a4a4a; background: #ffffff; color: #1a1a1a; }

@media (forced-colors: active) {
  .bubble, .send, .choice, .exit { border: 1px solid CanvasText; }
}
`;

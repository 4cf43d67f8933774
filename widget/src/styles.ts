/**
 * Styles of the widget, injected into its shadow root (so the host page's CSS cannot break it and
 * ours cannot leak). Colours are chosen for at least 4.5:1 contrast on their background.
 */
export const css = `
:host { all: initial; }
*, *::before, *::after { box-sizing: border-box; }
.root {
  font-family: system-ui, -apple-system, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif;
  font-size: 16px;
  line-height: 1.6;
  color: #1a1a1a;
}
button, select, textarea { font: inherit; color: inherit; }
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; box-shadow: 0 0 0 5px #1a1a1a; }
.sr { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

.launcher {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  display: inline-flex; align-items: center; gap: 8px;
  min-height: 56px; padding: 0 22px 0 18px;
  border: 2px solid #ffffff; border-radius: 28px;
  background: #0b5394; color: #ffffff; font-weight: 700; font-size: 17px;
  box-shadow: 0 4px 14px rgba(0,0,0,.3); cursor: pointer;
}
.launcher:hover { background: #083f72; }
.launcher svg { width: 26px; height: 26px; flex: none; }
.badge {
  position: absolute; top: -6px; right: -6px; min-width: 24px; height: 24px; padding: 0 6px;
  border-radius: 12px; background: #c62828; color: #ffffff; font-size: 13px; line-height: 24px; text-align: center;
  border: 2px solid #ffffff;
}
.badge[hidden] { display: none; }

.panel {
  position: fixed; right: 20px; bottom: 90px; z-index: 2147483001;
  width: 380px; max-width: calc(100vw - 40px);
  height: 620px; max-height: calc(100vh - 110px);
  display: flex; flex-direction: column;
  background: #ffffff; border: 1px solid #8a8a8a; border-radius: 12px;
  box-shadow: 0 8px 30px rgba(0,0,0,.3); overflow: hidden;
}
.panel[hidden] { display: none; }

.header { display: flex; align-items: flex-start; gap: 8px; padding: 10px 10px 10px 16px; background: #0b5394; color: #ffffff; }
.header-text { flex: 1; min-width: 0; }
.title { margin: 0; font-size: 17px; font-weight: 700; line-height: 1.4; }
.subtitle { margin: 0; font-size: 13px; line-height: 1.4; }
.lang { display: block; margin-top: 6px; font-size: 13px; }
.lang select { margin-left: 6px; padding: 2px 4px; border: 1px solid #ffffff; border-radius: 4px; background: #ffffff; color: #1a1a1a; font-size: 14px; }
.close {
  flex: none; width: 44px; height: 44px; border: 2px solid transparent; border-radius: 8px;
  background: transparent; color: #ffffff; cursor: pointer; display: inline-flex; align-items: center; justify-content: center;
}
.close:hover { border-color: #ffffff; }
.close svg { width: 22px; height: 22px; }

.notice { margin: 0; padding: 8px 16px; background: #fff8e1; border-bottom: 1px solid #d9c48a; font-size: 13px; line-height: 1.5; }
.notice p { margin: 0; }
.notice .emergency { font-weight: 700; color: #8a1c1c; }

.log { flex: 1; min-height: 0; overflow-y: auto; padding: 12px 12px 4px; background: #f7f7f7; margin: 0; }
.welcome { margin: 0 0 12px; padding: 10px 12px; background: #ffffff; border: 1px solid #d0d0d0; border-radius: 10px; font-size: 14px; }
.msg { display: flex; flex-direction: column; margin: 0 0 12px; max-width: 85%; }
.msg[data-direction="in"] { margin-left: auto; align-items: flex-end; }
.msg[data-direction="out"] { margin-right: auto; align-items: flex-start; }
.bubble { padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere; word-break: normal; }
.msg[data-direction="in"] .bubble { background: #0b5394; color: #ffffff; border-bottom-right-radius: 4px; }
.msg[data-direction="out"] .bubble { background: #ffffff; color: #1a1a1a; border: 1px solid #c4c4c4; border-bottom-left-radius: 4px; }
.meta { font-size: 12px; color: #4a4a4a; margin-top: 2px; }
.msg[data-state="failed"] .meta { color: #b00020; font-weight: 700; }
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
.typing[hidden] { display: none; }
.retry { margin-left: 6px; padding: 0 6px; border: 1px solid #b00020; border-radius: 4px; background: #ffffff; color: #b00020; font-size: 12px; cursor: pointer; }

.status { margin: 0; padding: 6px 16px; font-size: 13px; background: #fdecea; color: #8a1c1c; border-top: 1px solid #e6b8b3; }
.status[hidden] { display: none; }

.composer { padding: 8px 12px 12px; border-top: 1px solid #c4c4c4; background: #ffffff; }
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
.counter { margin-top: 4px; font-size: 12px; color: #4a4a4a; }
.counter.over { color: #b00020; font-weight: 700; }
.error { margin: 4px 0 0; font-size: 13px; color: #b00020; font-weight: 700; }
.error[hidden] { display: none; }

@media (max-width: 480px) {
  .panel { top: 0; left: 0; right: 0; bottom: 0; width: auto; max-width: none; height: auto; max-height: none; border: 0; border-radius: 0; }
  .root.open .launcher { display: none; }
}
@media (forced-colors: active) {
  .bubble, .launcher, .send, .choice { border: 1px solid CanvasText; }
}
`;

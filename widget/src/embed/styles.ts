/**
 * Styles of what the embed script puts on the host page (launcher and the frame's box), inside
 * its shadow root so the host page's CSS cannot break them and ours cannot leak. Colours are
 * chosen for at least 4.5:1 contrast on their background.
 */
export const css = `
:host { all: initial; }
*, *::before, *::after { box-sizing: border-box; }
.root {
  font-family: system-ui, -apple-system, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif;
  font-size: 16px; line-height: 1.6; color: #1a1a1a;
}
:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; box-shadow: 0 0 0 5px #1a1a1a; }

.launcher {
  position: fixed; right: 20px; bottom: 20px; z-index: 2147483000;
  display: inline-flex; align-items: center; gap: 8px;
  min-height: 56px; padding: 0 22px 0 18px;
  border: 2px solid #ffffff; border-radius: 28px;
  background: #0b5394; color: #ffffff; font: inherit; font-weight: 700; font-size: 17px;
  box-shadow: 0 4px 14px rgba(0,0,0,.3); cursor: pointer;
}
.launcher:hover { background: #083f72; }
.launcher svg { width: 26px; height: 26px; flex: none; }
.badge {
  position: absolute; top: -6px; right: -6px; min-width: 24px; height: 24px; padding: 0 6px;
  border-radius: 12px; background: #c62828; color: #ffffff; font-size: 13px; line-height: 20px; text-align: center;
  border: 2px solid #ffffff;
}
.badge[hidden] { display: none; }

.frame {
  position: fixed; right: 20px; bottom: 90px; z-index: 2147483001;
  width: 380px; max-width: calc(100vw - 40px);
  height: 640px; max-height: calc(100vh - 110px);
  display: block; border: 1px solid #8a8a8a; border-radius: 12px; background: #ffffff; color-scheme: light;
  box-shadow: 0 8px 30px rgba(0,0,0,.3);
}
.frame[hidden] { display: none; }

@media (max-width: 480px) {
  .frame { top: 0; left: 0; right: 0; bottom: 0; width: 100%; max-width: none; height: 100%; max-height: none; border: 0; border-radius: 0; }
  .root.open .launcher { display: none; }
}
@media (forced-colors: active) {
  .launcher { border: 1px solid CanvasText; }
}
`;

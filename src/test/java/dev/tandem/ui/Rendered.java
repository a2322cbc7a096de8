package dev.tandem.ui;

import com.microsoft.playwright.Page;

/**
 * Waits for what a browser test is about to look at to be drawn, instead of waiting a fixed time
 * that passes whether it was drawn or not.
 */
public final class Rendered {

  /** Every visible chart has drawn its SVG at the size of its box (after a resize too). */
  private static final String CHARTS_AT_SIZE =
      """
      () => [...document.querySelectorAll('tandem-chart')]
        .filter(c => c.offsetParent !== null)
        .every(c => {
          const box = c.shadowRoot && c.shadowRoot.querySelector('.chart');
          const svg = box && box.querySelector('svg');
          if (!svg) return false;
          const drawn = svg.getBoundingClientRect();
          return Math.abs(drawn.width - box.clientWidth) < 1
            && Math.abs(drawn.height - box.clientHeight) < 1;
        })
      """;

  /**
   * No CSS transition of a colour runs, in the page or in any shadow root (Lumo's colour changes
   * after a theme switch). Other transitions are not waited for: a clicked Lumo button fades its
   * pressed overlay ({@code ::before}, opacity) for 1.4 s, which changes no colour a check reads.
   */
  private static final String NO_COLOUR_TRANSITION_RUNNING =
      """
      () => {
        const roots = [document, ...[...document.querySelectorAll('*')]
          .map(e => e.shadowRoot).filter(r => r)];
        return roots.every(r => r.getAnimations()
          .every(a => !(a instanceof CSSTransition) || a.playState !== 'running'
            || !/color|fill|stroke|shadow/.test(a.transitionProperty)));
      }
      """;

  private static final String TWO_FRAMES =
      "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))";

  private Rendered() {}

  /** The charts are drawn at their boxes' sizes. */
  public static void charts(Page page) {
    page.waitForFunction(CHARTS_AT_SIZE);
  }

  /**
   * Colour transitions have ended, two frames were drawn (grids fill their rows, charts lay out on
   * the next frames) and the charts are drawn at their sizes.
   */
  public static void settled(Page page) {
    page.waitForFunction(NO_COLOUR_TRANSITION_RUNNING);
    page.evaluate(TWO_FRAMES);
    charts(page);
  }
}

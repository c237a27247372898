import { h } from '../ui/dom.js';

/**
 * The details panel with nothing selected: how to start. Only a graph whose facts carry
 * `sources` is promised citations (Movies and POLE have none).
 */
export function detailsHint(hasSources: boolean): HTMLElement {
  return h(
    'div',
    { class: 'placeholder' },
    h('h3', {}, 'Select a node or relationship'),
    h(
      'p',
      {},
      hasSources
        ? 'Its properties, relationships and sources appear here. Facts cite the article and the sentence they come from.'
        : 'Its properties and relationships appear here. This graph records no sources for its facts.',
    ),
    h(
      'ul',
      {},
      h('li', {}, 'Double-click a node to expand its neighbours'),
      h('li', {}, 'Right-click for more: expand by type, hide, pin, paths'),
      h(
        'li',
        {},
        'Press ',
        h('kbd', {}, '/'),
        ' to search, ',
        h('kbd', {}, '?'),
        ' for all shortcuts',
      ),
    ),
  );
}

// The network drawn with cytoscape.js, where JavaScript runs. Progressive enhancement only: the
// page already holds the server's picture and the tables; this replaces the picture with a
// drawing an analyst can pan, zoom and rearrange, by pointer or by keys, and a click on an entity
// (or Enter on the one selected) opens its page.
// The data is the JSON the server wrote into the page (script type="application/json").

const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

function draw() {
  const data = document.getElementById('lifeline-network-drawing');
  const picture = document.querySelector('[data-network-picture]');
  const cytoscape = window.cytoscape;
  if (data === null || picture === null || typeof cytoscape !== 'function') return;
  const drawing = JSON.parse(data.textContent ?? '{}');

  // cytoscape adds a <style> element to the head unless an element with this id exists. Our CSP
  // refuses a style element without the page's nonce, so its one rule (the container positioned
  // relative) is in our stylesheet, and this empty marker tells cytoscape it is already there.
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID) === null) {
    const marker = document.createElement('meta');
    marker.id = CYTOSCAPE_STYLESHEET_ID;
    document.head.append(marker);
  }

  // A widget of its own: focusable, worked by keys as well as by pointer, its instructions and the
  // selected entity spoken through the description and a live region. The tables below say the
  // same as the drawing for anyone who prefers them.
  const container = document.createElement('div');
  container.className = 'lifeline-network-drawing';
  container.tabIndex = 0;
  container.setAttribute('role', 'application');
  container.setAttribute('aria-roledescription', 'network drawing');
  container.setAttribute('aria-label', picture.getAttribute('alt') ?? picture.querySelector('title')?.textContent ?? 'A drawing of the network');
  const instructions = document.createElement('p');
  instructions.className = 'govuk-body-s lifeline-network-keys';
  instructions.id = 'lifeline-network-keys';
  instructions.textContent = 'Keyboard: N and P select the next and previous entity, Enter opens it, arrow keys move the drawing, + and − zoom, 0 fits it to the frame.'
    + (drawing.omitted > 0 ? ` Drawn: the ${drawing.entities.length} entities nearest the centre; ${drawing.omitted} more are listed in the tables.` : '');
  container.setAttribute('aria-describedby', instructions.id);
  const selected = document.createElement('p');
  selected.className = 'govuk-body-s';
  selected.setAttribute('aria-live', 'polite');
  picture.replaceWith(container);
  container.after(instructions, selected);

  const elements = [
    ...drawing.entities.map((e) => ({
      group: 'nodes', data: { id: e.id, label: e.label, kind: e.kind, colour: e.colour }, classes: e.centre ? 'centre' : '',
      ...(drawing.positioned ? { position: { x: e.x ?? 0, y: e.y ?? 0 } } : {}),
    })),
    ...drawing.links.map((l) => ({ group: 'edges', data: { id: l.id, source: l.source, target: l.target, label: l.label, width: Math.min(1 + l.records, 6) } })),
  ];
  const centre = drawing.entities.filter((e) => e.centre).map((e) => e.id);
  const cy = cytoscape({
    container, elements, wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3,
    layout: drawing.positioned ? { name: 'preset', fit: true, padding: 30 }
      : { name: 'breadthfirst', circle: true, roots: centre.length > 0 ? centre : undefined, spacingFactor: 1.1, fit: true, padding: 30, animate: false },
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', 'font-size': 11, 'font-family': 'system-ui, Arial, sans-serif', color: '#0b0c0c', 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'ellipsis', 'text-max-width': 160, width: 24, height: 24 } },
      { selector: 'node.centre', style: { 'border-width': 4, 'border-color': '#0b0c0c' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ffdd00' } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': '#b1b4b6', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 9, color: '#505a5f', 'text-rotation': 'autorotate', 'text-background-color': '#ffffff', 'text-background-opacity': 1 } },
    ],
  });
  const open = (node) => window.location.assign(drawing.entityHref + encodeURIComponent(node.id()));
  cy.on('tap', 'node', (event) => open(event.target));

  // Keys step through the entities centre first, then by name, the order the tables use.
  const order = cy.nodes().sort((a, b) => Number(b.hasClass('centre')) - Number(a.hasClass('centre')) || a.data('label').localeCompare(b.data('label')));
  let at = -1;
  const select = (index) => {
    at = (index + order.length) % order.length;
    const node = order[at];
    cy.nodes().unselect();
    node.select();
    cy.center(node);
    const links = node.connectedEdges().length;
    selected.textContent = `Selected: ${node.data('label')} (${node.data('kind')}), ${links} ${links === 1 ? 'link' : 'links'} drawn. Enter opens it.`;
    container.dataset.selected = node.id();
  };
  const zoomBy = (factor) => cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: container.clientWidth / 2, y: container.clientHeight / 2 } });
  const keys = {
    n: () => select(at + 1), p: () => select(at - 1),
    Enter: () => { if (at >= 0) open(order[at]); },
    Escape: () => { cy.nodes().unselect(); at = -1; selected.textContent = ''; delete container.dataset.selected; },
    ArrowLeft: () => cy.panBy({ x: 60, y: 0 }), ArrowRight: () => cy.panBy({ x: -60, y: 0 }),
    ArrowUp: () => cy.panBy({ x: 0, y: 60 }), ArrowDown: () => cy.panBy({ x: 0, y: -60 }),
    '+': () => zoomBy(1.25), '=': () => zoomBy(1.25), '-': () => zoomBy(0.8), '0': () => cy.fit(undefined, 30),
  };
  container.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const action = keys[event.key.length === 1 ? event.key.toLowerCase() : event.key];
    if (action === undefined || order.length === 0) return;
    event.preventDefault();
    action();
  });
  // What was drawn, for people checking the page (and the browser tests).
  container.dataset.entities = String(cy.nodes().length);
  container.dataset.links = String(cy.edges().length);
}

draw();

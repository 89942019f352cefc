// The network drawn with cytoscape.js, where JavaScript runs. Progressive enhancement only: the
// page already holds the server's picture and the tables; this replaces the picture with a
// drawing an analyst can pan, zoom and rearrange, and a click on an entity opens its page.
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

  // An image to assistive technology, named like the picture it replaces; the tables below say the same.
  const container = document.createElement('div');
  container.className = 'lifeline-network-drawing';
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', picture.getAttribute('alt') ?? picture.querySelector('title')?.textContent ?? 'A drawing of the network');
  picture.replaceWith(container);

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
  cy.on('tap', 'node', (event) => {
    window.location.assign(drawing.entityHref + encodeURIComponent(event.target.id()));
  });
  // What was drawn, for people checking the page (and the browser tests).
  container.dataset.entities = String(cy.nodes().length);
  container.dataset.links = String(cy.edges().length);
}

draw();

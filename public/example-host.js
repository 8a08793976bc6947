/*
 * Example listener for a page that embeds the map story (public/example-host.html).
 * It follows the story's messages and steers it; the frame's height is handled by embed.js.
 */
(function () {
  'use strict';
  var frame = document.querySelector('iframe.story-frame');
  if (!frame) return;
  // Accept messages only from this frame and from the story's origin.
  var storyOrigin = new URL(frame.src, location.href).origin;
  var select = document.getElementById('goto');
  var langButtons = document.querySelectorAll('button.lang');
  var log = document.getElementById('log');

  function note(text) {
    var item = document.createElement('li');
    item.textContent = text;
    log.insertBefore(item, log.firstChild);
    while (log.children.length > 40) log.removeChild(log.lastChild);
  }

  function send(message) {
    frame.contentWindow.postMessage(message, storyOrigin);
    note('→ ' + JSON.stringify(message));
  }

  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== storyOrigin) return;
    var m = event.data;
    if (!m || typeof m !== 'object' || typeof m.type !== 'string' || m.type.indexOf('map-story:') !== 0) return;
    note('← ' + JSON.stringify(m));
    switch (m.type) {
      case 'map-story:ready':
        select.textContent = '';
        m.steps.forEach(function (id, i) {
          var option = document.createElement('option');
          option.value = id;
          option.textContent = i + 1 + '. ' + id;
          select.appendChild(option);
        });
        select.value = m.step;
        select.disabled = false;
        langButtons.forEach(function (b) {
          b.disabled = false;
        });
        break;
      case 'map-story:step':
        select.value = m.id;
        break;
      default:
        break;
    }
  });

  select.addEventListener('change', function () {
    send({ type: 'map-story:goto', id: select.value });
  });
  langButtons.forEach(function (button) {
    button.addEventListener('click', function () {
      send({ type: 'map-story:lang', lang: button.getAttribute('data-lang') });
    });
  });
})();

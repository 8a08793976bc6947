/*
 * The map story's resize script for host pages. Include it once, before the story's frame(s):
 *   <script src="https://<where the story is>/embed.js"></script>
 * It listens for `map-story:height` messages and sets the height of the frame that sent each one (found by
 * event.source), accepting them only from the origin this script was served from. It sends nothing, reads
 * nothing else of the page and adds no global but one flag.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, location.href).origin;
  var flag = '__mapStoryEmbed ' + origin;
  if (window[flag]) return;
  window[flag] = true;
  var MAX_HEIGHT = 20000;

  window.addEventListener('message', function (event) {
    if (event.origin !== origin || !event.source) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'map-story:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0 || height > MAX_HEIGHT) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
        return;
      }
    }
  });
})();

// Keyboard shortcuts for the moderator console. Everything also works without this script: the
// shortcuts only press the buttons of the selected comment's form.
(function () {
  'use strict';

  var current = 0;

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll('.queue .item'));
  }

  function select(index) {
    var list = items();
    if (list.length === 0) {
      return;
    }
    current = Math.max(0, Math.min(index, list.length - 1));
    list.forEach(function (item, i) {
      item.classList.toggle('selected', i === current);
      item.setAttribute('aria-current', i === current ? 'true' : 'false');
    });
    list[current].scrollIntoView({block: 'nearest'});
  }

  /** The form the action keys act on: the selected comment in the queue, or the comment on its own page. */
  function scope() {
    var list = items();
    if (list.length > 0) {
      return list[current];
    }
    return document.querySelector('.decision');
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    var key = event.key;
    if (key === 'j') {
      select(current + 1);
    } else if (key === 'k') {
      select(current - 1);
    } else if (key === 'o' || key === 'Enter') {
      var here = scope();
      var link = here && here.querySelector('a.open');
      if (!link) {
        return;
      }
      link.click();
    } else {
      var area = scope();
      var button = area && area.querySelector('button[data-key="' + key + '"]');
      if (!button) {
        return;
      }
      button.disabled = false;
      button.click();
    }
    event.preventDefault();
  });

  document.addEventListener('submit', function (event) {
    var question = event.target.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    select(0);
  });
}());

// Tuanju console: keyboard review of the queue. Served as a file (the CSP forbids inline scripts).
// j / k: next / previous report; a: accept; r: reject (focuses the reason, Enter submits); d: duplicate;
// Escape leaves a field. Keys typed into a field are left to the field.
(function () {
  'use strict';
  var cards = Array.prototype.slice.call(document.querySelectorAll('.queue .card'));
  if (cards.length === 0) { return; }
  var current = 0;

  function select(index) {
    cards[current].classList.remove('current');
    current = Math.max(0, Math.min(cards.length - 1, index));
    var card = cards[current];
    card.classList.add('current');
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: 'nearest' });
  }

  function submit(form) {
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }

  function field(card, selector) {
    var input = card.querySelector(selector);
    if (input) { input.focus(); }
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    var tag = target && target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') {
      if (event.key === 'Escape') { target.blur(); }
      return;
    }
    var card = cards[current];
    switch (event.key) {
      case 'j': select(current + 1); break;
      case 'k': select(current - 1); break;
      case 'a': submit(card.querySelector('form.accept')); break;
      case 'r': field(card, 'form.reject input[name=reason]'); break;
      case 'd': field(card, 'form.duplicate input[name=of]'); break;
      default: return;
    }
    event.preventDefault();
  });

  cards.forEach(function (card, index) {
    card.addEventListener('click', function () { if (index !== current) { select(index); } });
  });
  select(0);
}());

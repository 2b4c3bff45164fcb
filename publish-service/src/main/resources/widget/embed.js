/*
 * Parley comments widget. No dependencies, no cookies, no storage, no requests to anyone but
 * Parley (publish for reading, ingest for posting). Embed with:
 *
 *   <div id="parley-comments"></div>
 *   <script src="https://comments.example/embed.js" data-post-id="hello-world" async></script>
 *
 * Optional: data-target (the container's id, default "parley-comments"), data-sort (oldest|newest),
 * data-page-size (1-100), and window.parleyStrings set before the script to translate the texts.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || !window.fetch || !window.Promise) {
    return;
  }

  /* Every text the widget shows: translate by setting window.parleyStrings = {key: text, ...}. */
  var STRINGS = {
    heading: 'Comments',
    countNone: 'No comments yet. Be the first.',
    countOne: '1 comment',
    countMany: '{n} comments',
    sortLabel: 'Sort',
    sortOldest: 'Oldest first',
    sortNewest: 'Newest first',
    loadMore: 'Load more comments',
    loading: 'Loading comments…',
    loadFailed: 'The comments could not be loaded. Please try again later.',
    removed: '[removed]',
    edited: '(edited)',
    reply: 'Reply',
    replyingTo: 'Replying to {name}.',
    cancelReply: 'Cancel reply',
    formHeading: 'Leave a comment',
    name: 'Name',
    email: 'E-mail (optional, never shown)',
    url: 'Website (optional)',
    body: 'Comment (Markdown)',
    honeypot: 'Leave this empty',
    submit: 'Post comment',
    working: 'Preparing your comment…',
    sending: 'Sending…',
    received: 'Thank you! Your comment will appear once it has been approved.',
    awaiting: 'Awaiting moderation',
    moderatedNote: 'Comments are moderated and appear once approved.',
    failed: 'Your comment could not be posted: {detail}',
    unreachable: 'Your comment could not be sent. Please check your connection and try again.',
    retryLater: 'Too many comments right now. Please try again in {seconds} seconds.'
  };
  var overrides = window.parleyStrings || {};
  Object.keys(overrides).forEach(function (key) {
    if (typeof overrides[key] === 'string') {
      STRINGS[key] = overrides[key];
    }
  });

  /* Written in by publish from parley.publish.ingest-url. */
  var INGEST = "__PARLEY_INGEST_URL__".replace(/\/+$/, '');
  var PUBLISH = new URL('.', script.src).href;
  var POW_PREFIX = 'parley-pow:v1:';
  var FETCH_OPTIONS = {credentials: 'omit', referrerPolicy: 'no-referrer', mode: 'cors'};

  var postId = script.getAttribute('data-post-id');
  var target = document.getElementById(script.getAttribute('data-target') || 'parley-comments');
  if (!postId || !target) {
    return;
  }
  var pageSize = Math.min(100, Math.max(1, parseInt(script.getAttribute('data-page-size'), 10) || 20));
  var state = {sort: script.getAttribute('data-sort') === 'newest' ? 'newest' : 'oldest', pages: [], pending: []};

  function t(key, values) {
    return STRINGS[key].replace(/\{(\w+)\}/g, function (all, name) {
      return values && values[name] !== undefined ? String(values[name]) : all;
    });
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') {
        node.textContent = attributes[name];
      } else if (attributes[name] !== null && attributes[name] !== undefined) {
        node.setAttribute(name, attributes[name]);
      }
    });
    (children || []).forEach(function (child) {
      if (child) {
        node.appendChild(child);
      }
    });
    return node;
  }

  function isWebUrl(value) {
    try {
      var url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch (e) {
      return false;
    }
  }

  /* ---- layout ---- */

  var uid = 'parley-' + Math.random().toString(36).slice(2, 8);
  var heading = el('h2', {id: uid + '-heading', text: STRINGS.heading});
  var countLine = el('p', {'class': 'parley-count'});
  var sortSelect = el('select', {id: uid + '-sort'}, [
    el('option', {value: 'oldest', text: STRINGS.sortOldest}),
    el('option', {value: 'newest', text: STRINGS.sortNewest})
  ]);
  sortSelect.value = state.sort;
  var sortLine = el('p', {'class': 'parley-sort'}, [el('label', {'for': uid + '-sort', text: STRINGS.sortLabel + ' '}), sortSelect]);
  var list = el('ol', {'class': 'parley-thread', 'aria-labelledby': uid + '-heading'});
  var moreButton = el('button', {type: 'button', 'class': 'parley-more', text: STRINGS.loadMore});
  moreButton.hidden = true;
  var status = el('p', {'class': 'parley-status', role: 'status', 'aria-live': 'polite'});

  var form = buildForm();
  var formHome = el('div', {'class': 'parley-form-home'}, [form.element]);
  var root = el('section', {'class': 'parley', 'aria-labelledby': uid + '-heading'},
      [heading, countLine, sortLine, list, moreButton, status, formHome]);
  target.textContent = '';
  target.appendChild(root);

  function field(name, label, input) {
    input.id = uid + '-' + name;
    input.name = name;
    return el('p', {}, [el('label', {'for': input.id, text: label}), document.createTextNode(' '), input]);
  }

  function buildForm() {
    var inputs = {
      name: el('input', {type: 'text', required: '', maxlength: '100', autocomplete: 'name'}),
      email: el('input', {type: 'email', maxlength: '254', autocomplete: 'email'}),
      url: el('input', {type: 'url', maxlength: '2048', autocomplete: 'url'}),
      body: el('textarea', {required: '', maxlength: '10000', rows: '6'}),
      website: el('input', {type: 'text', autocomplete: 'off', tabindex: '-1'})
    };
    var replying = el('p', {'class': 'parley-replying'});
    replying.hidden = true;
    var cancel = el('button', {type: 'button', text: STRINGS.cancelReply});
    var submit = el('button', {type: 'submit', text: STRINGS.submit});
    var element = el('form', {'class': 'parley-form', novalidate: null}, [
      el('h3', {text: STRINGS.formHeading}),
      replying,
      field('name', STRINGS.name, inputs.name),
      field('email', STRINGS.email, inputs.email),
      field('url', STRINGS.url, inputs.url),
      field('body', STRINGS.body, inputs.body),
      el('div', {'class': 'parley-hp'}, [field('website', STRINGS.honeypot, inputs.website)]),
      el('p', {'class': 'parley-note', text: STRINGS.moderatedNote}),
      el('p', {}, [submit])
    ]);
    return {element: element, inputs: inputs, replying: replying, cancel: cancel, submit: submit, parent: null};
  }

  /* ---- reading ---- */

  function threadUrl(cursor, limit) {
    var url = PUBLISH + 'api/v1/posts/' + encodeURIComponent(postId) + '/comments?sort=' + state.sort
        + '&limit=' + (limit || pageSize);
    return cursor ? url + '&cursor=' + encodeURIComponent(cursor) : url;
  }

  function getJson(url) {
    return fetch(url, FETCH_OPTIONS).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function load(cursor) {
    list.setAttribute('aria-busy', 'true');
    if (!cursor) {
      status.textContent = STRINGS.loading;
    }
    return getJson(threadUrl(cursor)).then(function (page) {
      if (!cursor) {
        state.pages = [];
        status.textContent = '';
      }
      state.pages.push(page);
      render();
    }).catch(function () {
      status.textContent = STRINGS.loadFailed;
    }).then(function () {
      list.removeAttribute('aria-busy');
    });
  }

  function shownIds() {
    var ids = {};
    function walk(comment) {
      ids[comment.id] = true;
      comment.replies.forEach(walk);
    }
    state.pages.forEach(function (page) {
      page.comments.forEach(walk);
    });
    return ids;
  }

  function render() {
    var last = state.pages[state.pages.length - 1];
    var count = last ? last.count : 0;
    countLine.textContent = count === 0 ? t('countNone') : count === 1 ? t('countOne') : t('countMany', {n: count});
    var formParent = form.element.parentNode;
    if (formParent !== formHome) {
      formHome.appendChild(form.element);
    }
    list.textContent = '';
    var byId = {};
    state.pages.forEach(function (page) {
      page.comments.forEach(function (comment) {
        list.appendChild(renderComment(comment, byId));
      });
    });
    var shown = shownIds();
    state.pending = state.pending.filter(function (mine) {
      return !shown[mine.id];
    });
    state.pending.forEach(function (mine) {
      var replies = mine.parentId && byId[mine.parentId];
      var item = renderPending(mine);
      if (replies) {
        replies.appendChild(item);
      } else if (state.sort === 'newest') {
        list.insertBefore(item, list.firstChild);
      } else {
        list.appendChild(item);
      }
    });
    if (form.parent && byId[form.parent.id]) {
      byId[form.parent.id].parentNode.insertBefore(form.element, byId[form.parent.id]);
    }
    moreButton.hidden = !(last && last.nextCursor);
  }

  function renderComment(comment, byId) {
    var replies = el('ol', {'class': 'parley-replies'});
    byId[comment.id] = replies;
    var item = el('li', {'class': 'parley-comment', id: 'parley-c-' + comment.id});
    if (comment.removed) {
      item.className += ' parley-removed';
      item.appendChild(el('p', {'class': 'parley-meta', text: STRINGS.removed}));
    } else {
      var author = comment.author && comment.author.url && isWebUrl(comment.author.url)
          ? el('a', {href: comment.author.url, rel: 'nofollow ugc noopener', text: comment.author.name})
          : document.createTextNode(comment.author ? comment.author.name : '');
      var when = new Date(comment.createdAt);
      var meta = el('p', {'class': 'parley-meta'}, [
        el('span', {'class': 'parley-author'}, [author]),
        document.createTextNode(' '),
        el('time', {datetime: comment.createdAt, text: when.toLocaleString()}),
        comment.editedAt ? el('span', {'class': 'parley-edited', text: ' ' + STRINGS.edited}) : null
      ]);
      var body = el('div', {'class': 'parley-body'});
      /* Rendered from Markdown and sanitised by Parley with an allowlist when the comment was stored. */
      body.innerHTML = comment.html;
      var replyButton = el('button', {type: 'button', 'class': 'parley-reply', text: STRINGS.reply,
        'aria-controls': uid + '-body'});
      replyButton.addEventListener('click', function () {
        replyTo(comment);
      });
      item.appendChild(el('article', {}, [meta, body, el('p', {'class': 'parley-actions'}, [replyButton])]));
    }
    comment.replies.forEach(function (reply) {
      replies.appendChild(renderComment(reply, byId));
    });
    if (replies.firstChild || !comment.removed) {
      item.appendChild(replies);
    }
    return item;
  }

  function renderPending(mine) {
    return el('li', {'class': 'parley-comment parley-pending', id: 'parley-c-' + mine.id}, [
      el('p', {'class': 'parley-meta'}, [
        el('span', {'class': 'parley-author', text: mine.name}),
        document.createTextNode(' '),
        el('strong', {'class': 'parley-awaiting', text: STRINGS.awaiting})
      ]),
      /* The reader's own words, as typed: shown as text, never as markup. */
      el('div', {'class': 'parley-body parley-plain', text: mine.body})
    ]);
  }

  /* ---- replying ---- */

  function replyTo(comment) {
    form.parent = comment;
    form.replying.textContent = t('replyingTo', {name: comment.author ? comment.author.name : ''}) + ' ';
    form.replying.appendChild(form.cancel);
    form.replying.hidden = false;
    render();
    form.inputs.body.focus();
  }

  form.cancel.addEventListener('click', function () {
    form.parent = null;
    form.replying.hidden = true;
    render();
    form.inputs.name.focus();
  });

  /* ---- posting ---- */

  function leadingZeroBits(hash) {
    var bits = 0;
    for (var i = 0; i < hash.length; i++) {
      if (hash[i] === 0) {
        bits += 8;
      } else {
        return bits + Math.clz32(hash[i]) - 24;
      }
    }
    return bits;
  }

  /*
   * Proof of work, exactly as ingest verifies it (io.parley.support.abuse.ProofOfWork): the
   * smallest counter whose lower-case hex form as nonce gives SHA-256(prefix + token + ":" + nonce)
   * at least `bits` leading zero bits. Hashes are computed in batches to keep the browser busy.
   */
  function solve(token, bits) {
    if (!window.crypto || !window.crypto.subtle || !window.TextEncoder) {
      return Promise.resolve(null);
    }
    var encoder = new TextEncoder();
    var prefix = POW_PREFIX + token + ':';
    var batch = 256;
    function from(start) {
      var digests = [];
      for (var n = start; n < start + batch; n++) {
        digests.push(window.crypto.subtle.digest('SHA-256', encoder.encode(prefix + n.toString(16))));
      }
      return Promise.all(digests).then(function (hashes) {
        for (var i = 0; i < hashes.length; i++) {
          if (leadingZeroBits(new Uint8Array(hashes[i])) >= bits) {
            return (start + i).toString(16);
          }
        }
        return from(start + batch);
      });
    }
    return from(0);
  }

  function markInvalid(problem) {
    Object.keys(form.inputs).forEach(function (name) {
      form.inputs[name].removeAttribute('aria-invalid');
    });
    (problem.errors || []).forEach(function (error) {
      var name = String(error.field || '').replace(/^author\./, '');
      if (form.inputs[name]) {
        form.inputs[name].setAttribute('aria-invalid', 'true');
      }
    });
  }

  function describe(problem) {
    var errors = (problem.errors || []).map(function (error) {
      return error.field + ' ' + error.message;
    });
    return errors.length ? errors.join('; ') : (problem.detail || problem.title || '');
  }

  /*
   * The form token is fetched as soon as the form is shown, not on submit: ingest measures the time
   * from the token to the comment, and moderation treats a form filled in under a few seconds as a robot.
   * A token older than five hours is replaced (ingest accepts them for six).
   */
  var challenge = null;
  function fetchChallenge() {
    return getJson(INGEST + '/api/v1/challenge?postId=' + encodeURIComponent(postId)).then(function (fresh) {
      challenge = {formToken: fresh.formToken, bits: fresh.bits, at: Date.now()};
      return challenge;
    });
  }
  function currentChallenge() {
    return challenge && Date.now() - challenge.at < 5 * 3600 * 1000 ? Promise.resolve(challenge) : fetchChallenge();
  }
  fetchChallenge().catch(function () {
    return null;
  });

  form.element.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!form.element.reportValidity()) {
      return;
    }
    var inputs = form.inputs;
    var parent = form.parent;
    var comment = {
      postId: postId,
      parentId: parent ? parent.id : null,
      author: {
        name: inputs.name.value.trim(),
        email: inputs.email.value.trim() || null,
        url: inputs.url.value.trim() || null
      },
      body: inputs.body.value,
      website: inputs.website.value
    };
    form.submit.disabled = true;
    status.className = 'parley-status';
    status.textContent = STRINGS.working;
    currentChallenge().then(function (current) {
      comment.formToken = current.formToken;
      return solve(current.formToken, current.bits);
    }, function () {
      return null;
    }).then(function (nonce) {
      comment.powNonce = nonce;
      status.textContent = STRINGS.sending;
      return fetch(INGEST + '/api/v1/comments', {
        method: 'POST',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        mode: 'cors',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(comment)
      });
    }).then(function (response) {
      return response.json().catch(function () {
        return {};
      }).then(function (answer) {
        if (response.status === 202) {
          state.pending.push({id: answer.id, parentId: comment.parentId, name: comment.author.name, body: comment.body});
          inputs.body.value = '';
          form.parent = null;
          form.replying.hidden = true;
          markInvalid({});
          render();
          status.textContent = STRINGS.received;
          watchForApproval(answer.id, 0);
          // the next comment gets its own token, timed from now
          fetchChallenge().catch(function () {
            return null;
          });
        } else if (response.status === 429 || response.status === 503) {
          status.className = 'parley-status parley-error';
          status.textContent = t('retryLater', {seconds: response.headers.get('Retry-After') || '30'});
        } else {
          markInvalid(answer);
          status.className = 'parley-status parley-error';
          status.textContent = t('failed', {detail: describe(answer)});
        }
      });
    }).catch(function () {
      status.className = 'parley-status parley-error';
      status.textContent = STRINGS.unreachable;
    }).then(function () {
      form.submit.disabled = false;
    });
  });

  /* Re-reads the loaded part of the thread a few times, backing off, until the new comment is approved. */
  function watchForApproval(id, attempt) {
    if (attempt >= 6) {
      return;
    }
    setTimeout(function () {
      var loaded = state.pages.reduce(function (sum, page) {
        return sum + page.comments.length;
      }, 0);
      getJson(threadUrl(null, Math.min(100, Math.max(pageSize, loaded + 1)))).then(function (page) {
        state.pages = [page];
        render();
        if (state.pending.some(function (mine) {
          return mine.id === id;
        })) {
          watchForApproval(id, attempt + 1);
        }
      }).catch(function () {
        watchForApproval(id, attempt + 1);
      });
    }, 500 * Math.pow(2, attempt));
  }

  sortSelect.addEventListener('change', function () {
    state.sort = sortSelect.value === 'newest' ? 'newest' : 'oldest';
    load(null);
  });

  moreButton.addEventListener('click', function () {
    var last = state.pages[state.pages.length - 1];
    if (last && last.nextCursor) {
      load(last.nextCursor);
    }
  });

  if (/[?&]parley=received(&|$)/.test(window.location.search)) {
    status.textContent = STRINGS.received;
  }
  load(null);
})();

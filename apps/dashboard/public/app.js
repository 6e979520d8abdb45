/*
 * Parley dashboard: plain browser JavaScript, no build step.
 * Talks to the REST API under /api/v1 and to the /agent socket.io namespace.
 * Data is only ever rendered with textContent (never innerHTML).
 */
(function () {
  'use strict';

  var ROOT = location.pathname.replace(/\/dashboard(\/.*)?$/, ''); // "" when Parley is served at "/"
  var API = ROOT + '/api/v1';
  var TOKEN_KEY = 'parley:token';
  var USER_KEY = 'parley:user';

  var state = {
    token: sessionStorage.getItem(TOKEN_KEY),
    user: readJson(sessionStorage.getItem(USER_KEY)),
    view: 'inbox',
    tab: 'waiting',
    items: [], // conversations shown in the current tab
    nextCursor: null,
    cache: {}, // id -> conversation view (latest known)
    waiting: {}, // ids of conversations waiting for an agent
    highlighted: {}, // ids escalated since the agent last opened them
    current: null, // the open conversation, with messages
    streams: {}, // messageId -> {chunks, el}
    socket: null,
  };

  var $ = function (id) { return document.getElementById(id); };

  function readJson(text) {
    try { return text ? JSON.parse(text) : null; } catch (e) { return null; }
  }

  // ---- DOM helpers -------------------------------------------------------------------------
  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    for (var k in attrs || {}) {
      var v = attrs[k];
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') el.textContent = v;
      else if (k === 'class') el.className = v;
      else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : v);
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return el;
  }

  function clear(el) {
    while (el.firstChild) el.removeChild(el.firstChild);
    return el;
  }

  function safeHref(url) {
    try {
      var u = new URL(url, location.href);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  var URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
  function linkify(parent, text) {
    var last = 0;
    String(text || '').replace(URL_RE, function (match, offset, all) {
      var url = match.replace(/[.,;:!?)\]}'"]+$/, '');
      var href = safeHref(url);
      if (!href) return match;
      if (offset > last) parent.appendChild(document.createTextNode(all.slice(last, offset)));
      parent.appendChild(h('a', { href: href, target: '_blank', rel: 'noopener noreferrer nofollow', text: url }));
      last = offset + url.length;
      return match;
    });
    if (last < String(text || '').length) parent.appendChild(document.createTextNode(String(text).slice(last)));
    return parent;
  }

  function time(iso) {
    if (!iso) return '';
    var d = new Date(iso);
    var sameDay = d.toDateString() === new Date().toDateString();
    return sameDay ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : d.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }

  function visitorLabel(c) {
    var v = (c && c.visitor) || {};
    return v.name || v.email || 'Visitor ' + String(v.id || '').slice(0, 8);
  }

  function badge(text, kind) {
    return h('span', { class: 'badge ' + (kind || ''), text: text });
  }

  function toneBadge(tone) {
    if (!tone || !tone.label) return null;
    var score = typeof tone.score === 'number' ? ' ' + (tone.score > 0 ? '+' : '') + tone.score.toFixed(2) : '';
    return h('span', { class: 'badge tone-' + tone.label, title: 'Tone score' + score, text: tone.label + score });
  }

  function toast(text, kind, action) {
    var el = h('div', { class: 'toast ' + (kind || '') }, [h('span', { text: text })]);
    if (action) el.appendChild(h('button', { type: 'button', class: 'link', text: action.label, onclick: function () { el.remove(); action.run(); } }));
    el.appendChild(h('button', { type: 'button', class: 'link', 'aria-label': 'Dismiss', text: '×', onclick: function () { el.remove(); } }));
    $('toasts').appendChild(el);
    setTimeout(function () { el.remove(); }, kind === 'escalation' ? 15000 : 6000);
  }

  // ---- API ---------------------------------------------------------------------------------
  function ApiError(status, body) {
    var err = (body && body.error) || {};
    this.status = status;
    this.code = err.code || 'error';
    this.message = err.message || 'request failed (HTTP ' + status + ')';
  }

  function api(method, path, body) {
    var headers = { Accept: 'application/json' };
    if (state.token) headers.Authorization = 'Bearer ' + state.token;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    return fetch(API + path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) })
      .catch(function () { throw new ApiError(0, { error: { code: 'network', message: 'cannot reach the Parley server' } }); })
      .then(function (res) {
        if (res.status === 204) return null;
        return res.json().catch(function () { return null; }).then(function (data) {
          if (res.ok) return data;
          if (res.status === 401 && state.token && path !== '/auth/login') {
            logout('Your session has expired. Please sign in again.');
          }
          throw new ApiError(res.status, data);
        });
      });
  }

  // ---- login / logout ----------------------------------------------------------------------
  $('login-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var form = e.target;
    var button = form.querySelector('button');
    $('login-error').textContent = '';
    button.disabled = true;
    api('POST', '/auth/login', { email: form.email.value.trim(), password: form.password.value })
      .then(function (res) {
        state.token = res.accessToken;
        state.user = res.user;
        sessionStorage.setItem(TOKEN_KEY, res.accessToken);
        sessionStorage.setItem(USER_KEY, JSON.stringify(res.user));
        form.password.value = '';
        enterApp();
      })
      .catch(function (err) {
        $('login-error').textContent = err.status === 401 ? 'Wrong e-mail or password.' : err.message;
      })
      .then(function () { button.disabled = false; });
  });

  function logout(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    sessionStorage.removeItem(USER_KEY);
    state.token = null;
    state.user = null;
    state.current = null;
    if (state.socket) state.socket.close();
    state.socket = null;
    $('app').hidden = true;
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    document.title = 'Parley dashboard';
    $('login-form').email.focus();
  }
  $('logout').addEventListener('click', function () { logout(); });

  function enterApp() {
    $('login').hidden = true;
    $('app').hidden = false;
    $('me').textContent = state.user.name + ' · ' + state.user.role;
    $('nav-setup').hidden = state.user.role !== 'admin';
    connectSocket();
    showView('inbox');
    refreshAll();
  }

  // ---- navigation --------------------------------------------------------------------------
  Array.prototype.forEach.call(document.querySelectorAll('.nav'), function (btn) {
    btn.addEventListener('click', function () { showView(btn.getAttribute('data-view')); });
  });

  function showView(view) {
    state.view = view;
    $('view-inbox').hidden = view !== 'inbox';
    $('view-setup').hidden = view !== 'setup';
    Array.prototype.forEach.call(document.querySelectorAll('.nav'), function (btn) {
      if (btn.getAttribute('data-view') === view) btn.setAttribute('aria-current', 'page');
      else btn.removeAttribute('aria-current');
    });
    if (view === 'setup') loadSetup();
  }

  Array.prototype.forEach.call(document.querySelectorAll('[role=tab]'), function (tab) {
    tab.addEventListener('click', function () { selectTab(tab.getAttribute('data-status')); });
  });

  function selectTab(status) {
    state.tab = status;
    Array.prototype.forEach.call(document.querySelectorAll('[role=tab]'), function (tab) {
      tab.setAttribute('aria-selected', String(tab.getAttribute('data-status') === status));
    });
    loadList();
  }

  // ---- the queue ---------------------------------------------------------------------------
  function refreshAll() {
    loadWaitingCount();
    loadList();
    if (state.current) refreshCurrent();
  }

  function loadWaitingCount() {
    api('GET', '/conversations?status=waiting&limit=100').then(function (page) {
      state.waiting = {};
      page.items.forEach(function (c) { state.waiting[c.id] = true; remember(c); });
      renderCount(page.nextCursor ? '100+' : null);
    }).catch(function () {});
  }

  function renderCount(text) {
    var n = Object.keys(state.waiting).length;
    $('waiting-count').textContent = text || String(n);
    $('waiting-count').classList.toggle('hot', n > 0);
    document.title = (n ? '(' + n + ') ' : '') + 'Parley dashboard';
  }

  function loadList(more) {
    var tab = state.tab;
    var query = '/conversations?status=' + tab + (more && state.nextCursor ? '&cursor=' + encodeURIComponent(state.nextCursor) : '');
    return api('GET', query).then(function (page) {
      if (tab !== state.tab) return;
      page.items.forEach(remember);
      state.items = (more ? state.items : []).concat(page.items.map(function (c) { return state.cache[c.id]; }));
      state.nextCursor = page.nextCursor;
      renderList();
    }).catch(function (err) { toast('Could not load conversations: ' + err.message, 'error'); });
  }
  $('load-more').addEventListener('click', function () { loadList(true); });

  /** Keeps the latest view of a conversation; a view without lastMessage keeps the known one. */
  function remember(c) {
    var known = state.cache[c.id];
    var merged = Object.assign({}, known || {}, c);
    if (!c.lastMessage && known && known.lastMessage) merged.lastMessage = known.lastMessage;
    if (!c.assignee) delete merged.assignee;
    if (!c.escalation && known && known.escalation && c.status === known.status) merged.escalation = known.escalation;
    state.cache[c.id] = merged;
    return merged;
  }

  function conversationChanged(c) {
    var merged = remember(c);
    if (merged.status === 'waiting') state.waiting[merged.id] = true;
    else delete state.waiting[merged.id];
    renderCount();
    var i = indexOf(merged.id);
    if (merged.status === state.tab) {
      if (i >= 0) state.items[i] = merged;
      else state.items.unshift(merged);
    } else if (i >= 0) state.items.splice(i, 1);
    sortItems();
    renderList();
    if (state.current && state.current.id === merged.id) {
      var messages = state.current.messages;
      state.current = Object.assign({}, merged, { messages: messages });
      renderConversationHead();
    }
  }

  function indexOf(id) {
    for (var i = 0; i < state.items.length; i++) if (state.items[i].id === id) return i;
    return -1;
  }

  function sortItems() {
    state.items.sort(function (a, b) { return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0; });
  }

  var PRIORITY_KIND = { urgent: 'danger', high: 'warn', normal: '', low: 'muted' };

  function renderList() {
    var list = clear($('conv-list'));
    state.items.forEach(function (c) {
      var selected = state.current && state.current.id === c.id;
      var last = c.lastMessage;
      var item = h('li', { class: 'conv-item' + (state.highlighted[c.id] ? ' highlight' : '') + (selected ? ' selected' : '') }, [
        h('button', { type: 'button', 'aria-current': selected ? 'true' : null, onclick: function () { openConversation(c.id); } }, [
          h('div', { class: 'row' }, [
            h('strong', { class: 'grow', text: visitorLabel(c) }),
            h('span', { class: 'muted small', text: time(c.updatedAt) }),
          ]),
          h('div', { class: 'row small' }, [
            state.highlighted[c.id] ? badge('escalated', 'danger') : null,
            c.priority && c.priority !== 'normal' ? badge(c.priority, PRIORITY_KIND[c.priority]) : null,
            toneBadge(c.tone),
            c.assignee ? h('span', { class: 'muted', text: '→ ' + c.assignee.name }) : null,
          ]),
          c.escalation && c.status === 'waiting' ? h('div', { class: 'small reason', text: c.escalation.reason }) : null,
          last ? h('div', { class: 'small muted snippet', text: (last.role === 'visitor' ? '' : last.role + ': ') + (last.text || (last.attachments && last.attachments.length ? '📎 ' + last.attachments.map(function (a) { return a.name; }).join(', ') : '')) }) : null,
        ]),
      ]);
      list.appendChild(item);
    });
    $('list-empty').hidden = state.items.length > 0;
    $('load-more').hidden = !state.nextCursor;
  }

  // ---- live updates ------------------------------------------------------------------------
  function setLive(on, text) {
    var el = $('live');
    el.textContent = text || (on ? 'Live' : 'Offline');
    el.className = 'live ' + (on ? 'on' : 'off');
  }

  function connectSocket() {
    if (state.socket) state.socket.close();
    if (typeof io !== 'function') {
      setLive(false, 'No live updates (socket.io client missing)');
      return;
    }
    var socket = io(location.origin + '/agent', { path: ROOT + '/socket.io/', auth: { token: state.token }, transports: ['websocket', 'polling'] });
    state.socket = socket;
    var connectedBefore = false;
    socket.on('connect', function () {
      setLive(true);
      if (connectedBefore) refreshAll(); // catch up on whatever happened while disconnected
      connectedBefore = true;
    });
    socket.on('disconnect', function (reason) {
      setLive(false, 'Reconnecting…');
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', function (err) {
      if (socket.active) return setLive(false, 'Reconnecting…');
      if (/^unauthorized/.test(err.message || '')) logout('Your session has expired. Please sign in again.');
      else setLive(false, 'Offline: ' + err.message);
    });
    socket.on('conversation:updated', function (p) { if (p && p.conversation) conversationChanged(p.conversation); });
    socket.on('conversation:escalated', function (p) {
      if (!p || !p.conversation) return;
      var c = p.conversation;
      state.highlighted[c.id] = true;
      conversationChanged(c);
      toast('Escalated: ' + visitorLabel(c) + ' — ' + (p.reason || (c.escalation && c.escalation.reason) || 'needs a person'), 'escalation', {
        label: 'Open',
        run: function () { if (state.tab !== 'waiting') selectTab('waiting'); openConversation(c.id); },
      });
    });
    socket.on('message:new', function (p) { if (p && p.message) messageArrived(p.message); });
    socket.on('message:delta', onDelta);
    socket.on('message:discard', onDiscard);
    socket.on('typing', onTyping);
  }

  function messageArrived(m) {
    var c = state.cache[m.conversationId];
    if (c && !m.internal) {
      c.lastMessage = m;
      c.updatedAt = m.createdAt > c.updatedAt ? m.createdAt : c.updatedAt;
      if (indexOf(c.id) >= 0) {
        sortItems();
        renderList();
      }
    }
    if (state.current && state.current.id === m.conversationId) addMessage(m);
  }

  // ---- the conversation --------------------------------------------------------------------
  function openConversation(id) {
    delete state.highlighted[id];
    return api('GET', '/conversations/' + encodeURIComponent(id)).then(function (c) {
      state.streams = {};
      var messages = c.messages || [];
      delete c.messages;
      state.current = Object.assign({}, remember(c), { messages: messages.slice().sort(bySeq) });
      renderConversation();
      renderList();
    }).catch(function (err) { toast('Could not open the conversation: ' + err.message, 'error'); });
  }

  function bySeq(a, b) { return a.seq - b.seq; }

  /** Re-reads the open conversation without re-rendering it (keeps the reply being written). */
  function refreshCurrent() {
    var id = state.current && state.current.id;
    if (!id) return Promise.resolve();
    return api('GET', '/conversations/' + encodeURIComponent(id)).then(function (c) {
      if (!state.current || state.current.id !== id) return;
      var messages = c.messages || [];
      delete c.messages;
      conversationChanged(c);
      messages.forEach(addMessage);
    }).catch(function () {});
  }

  function renderConversation() {
    var c = state.current;
    var pane = clear($('conv'));
    pane.appendChild(h('div', { id: 'conv-head', class: 'conv-head' }));
    pane.appendChild(h('div', { id: 'conv-alert', class: 'alert', role: 'alert', hidden: true }));
    pane.appendChild(h('ol', { id: 'messages', class: 'messages', role: 'log', 'aria-live': 'polite', 'aria-label': 'Messages' }));
    pane.appendChild(h('div', { id: 'typing', class: 'typing muted small', 'aria-live': 'polite' }));
    var text = h('textarea', { name: 'text', rows: '3', 'aria-label': 'Message', placeholder: 'Write a reply… (Enter sends, Shift+Enter new line)' });
    var form = h('form', { class: 'composer', id: 'composer' }, [
      text,
      h('div', { class: 'composer-actions' }, [
        h('span', { id: 'composer-hint', class: 'muted small grow' }),
        h('button', { type: 'button', class: 'note-btn', text: 'Add internal note', onclick: function () { send(true); } }),
        h('button', { type: 'submit', class: 'primary', text: 'Reply' }),
      ]),
    ]);
    form.addEventListener('submit', function (e) { e.preventDefault(); send(false); });
    text.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(false); }
    });
    pane.appendChild(form);
    renderConversationHead();
    var list = $('messages');
    c.messages.forEach(function (m) { list.appendChild(renderMessage(m)); });
    scrollMessages();

    function send(internal) {
      var value = text.value.trim();
      if (!value) return;
      var buttons = form.querySelectorAll('button');
      Array.prototype.forEach.call(buttons, function (b) { b.disabled = true; });
      api('POST', '/conversations/' + c.id + '/messages', { text: value, internal: internal })
        .then(function (m) {
          text.value = '';
          if (state.current && state.current.id === c.id) addMessage(m);
        })
        .catch(function (err) { showAlert(err.status === 409 ? 'another agent already took this conversation' : err.message); })
        .then(function () { Array.prototype.forEach.call(buttons, function (b) { b.disabled = false; }); text.focus(); });
    }
  }

  function renderConversationHead() {
    var c = state.current;
    var head = $('conv-head');
    if (!head) return;
    clear(head);
    var me = state.user && state.user.id;
    var mine = c.status === 'agent' && c.assignee && c.assignee.id === me;
    var actions = h('div', { class: 'actions' }, [
      !mine ? h('button', { type: 'button', class: 'primary', text: c.status === 'resolved' ? 'Reopen and take over' : 'Take over', onclick: function () { act('takeover'); } }) : null,
      c.status === 'agent' || c.status === 'waiting' ? h('button', { type: 'button', text: 'Hand back to bot', onclick: function () { act('handback'); } }) : null,
      c.status !== 'resolved' ? h('button', { type: 'button', text: 'Resolve', onclick: function () { act('resolve'); } }) : null,
    ]);
    var v = c.visitor || {};
    var hint = $('composer-hint');
    if (hint) hint.textContent = mine ? '' : 'Replying takes the conversation over; an internal note does not.';
    head.appendChild(h('div', { class: 'row wrap' }, [
      h('div', { class: 'grow' }, [
        h('h2', { text: visitorLabel(c) }),
        h('div', { class: 'row small wrap' }, [
          badge(c.status, 'status-' + c.status),
          badge(c.priority || 'normal', PRIORITY_KIND[c.priority]),
          toneBadge(c.tone),
          c.tone && c.tone.negativeStreak ? h('span', { class: 'muted', text: c.tone.negativeStreak + ' negative in a row' }) : null,
          c.assignee ? h('span', { class: 'muted', text: 'Assigned to ' + (c.assignee.id === me ? 'you' : c.assignee.name) }) : null,
          v.email && v.name ? h('span', { class: 'muted', text: v.email }) : null,
        ]),
      ]),
      actions,
    ]));
    if (c.escalation) {
      var e = c.escalation;
      head.appendChild(h('div', { class: 'escalation' }, [
        h('strong', { text: 'Escalated: ' }),
        h('span', { text: e.reason }),
        h('span', { class: 'muted small', text: ' — ' + [e.rule ? 'rule “' + e.rule + '”' : null, e.source, time(e.at)].filter(Boolean).join(' · ') }),
        e.summary ? h('pre', { class: 'summary small', 'aria-label': 'Handoff summary', text: e.summary }) : null,
      ]));
    }
    var trend = toneTrend(c.messages || []);
    if (trend) head.appendChild(h('div', { class: 'small muted', text: 'Tone over time: ' + trend }));
  }

  // the visitor's tone message by message (the latest eight), e.g. "neutral → frustrated → angry"
  function toneTrend(messages) {
    var tones = messages.filter(function (m) { return m.role === 'visitor' && m.tone; }).slice(-8);
    if (tones.length < 2) return '';
    return tones.map(function (m) { return m.tone.label + (m.analysisSource === 'llm' ? '*' : ''); }).join(' → ');
  }

  function act(action) {
    var c = state.current;
    hideAlert();
    api('POST', '/conversations/' + c.id + '/' + action)
      .then(function (view) {
        conversationChanged(view);
        if (action === 'takeover') { var t = document.querySelector('#composer textarea'); if (t) t.focus(); }
      })
      .catch(function (err) {
        if (action === 'takeover' && err.status === 409) showAlert('another agent already took this conversation');
        else showAlert(err.message);
        refreshCurrent();
      });
  }

  function showAlert(text) {
    var el = $('conv-alert');
    if (!el) return toast(text, 'error');
    el.textContent = text;
    el.hidden = false;
  }

  function hideAlert() {
    var el = $('conv-alert');
    if (el) el.hidden = true;
  }

  var ROLE_LABEL = { visitor: 'Visitor', bot: 'Bot', agent: 'Agent', system: 'System' };

  function renderMessage(m) {
    if (m.role === 'system') {
      return h('li', { class: 'msg system', 'data-id': m.id }, [h('span', { text: m.text }), h('span', { class: 'muted small', text: ' · ' + time(m.createdAt) })]);
    }
    var who = m.role === 'agent' && m.author ? m.author.name : ROLE_LABEL[m.role] || m.role;
    var meta = h('div', { class: 'meta small' }, [
      h('strong', { text: who }),
      m.internal ? badge('Internal note', 'note') : null,
      m.role === 'visitor' ? toneBadge(m.tone) : null,
      m.role === 'visitor' && m.intent && m.intent !== 'other' ? badge(m.intent.replace(/_/g, ' '), 'intent') : null,
      h('span', { class: 'muted', text: time(m.createdAt) }),
    ]);
    var body = linkify(h('div', { class: 'text' }), m.text);
    var item = h('li', { class: 'msg ' + m.role + (m.internal ? ' internal' : ''), 'data-id': m.id }, [meta, m.text ? body : null]);
    if (m.attachments && m.attachments.length) item.appendChild(renderAttachments(m.attachments));
    if (m.citations && m.citations.length) {
      item.appendChild(h('div', { class: 'citations small' }, [h('span', { class: 'muted', text: 'Sources: ' })].concat(
        m.citations.map(function (cite, i) {
          var href = cite.url && safeHref(cite.url);
          var label = cite.title || 'article';
          return h('span', {}, [i ? ', ' : '', href ? h('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: label }) : label]);
        }))));
    }
    if (m.usage) {
      item.appendChild(h('div', { class: 'muted tiny', text: m.usage.model + ' · ' + (m.usage.promptTokens + m.usage.completionTokens) + ' tokens' + (m.usage.costUsd ? ' · $' + m.usage.costUsd.toFixed(4) : '') }));
    }
    return item;
  }

  // Attachments need the staff token, which <img src> cannot send: they are fetched and shown as blob: URLs.
  var attachmentUrls = {};

  function attachmentBlobUrl(a) {
    if (attachmentUrls[a.id]) return Promise.resolve(attachmentUrls[a.id]);
    return fetch(ROOT + a.url, { headers: { Authorization: 'Bearer ' + state.token } })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.blob();
      })
      .then(function (blob) { return (attachmentUrls[a.id] = URL.createObjectURL(blob)); });
  }

  function renderAttachments(list) {
    var box = h('div', { class: 'attachments' });
    list.forEach(function (a) {
      var label = a.name + ' (' + Math.max(1, Math.round(a.size / 1024)) + ' KB)';
      if (/^image\//.test(a.contentType)) {
        var img = h('img', { alt: a.name, title: label });
        var link = h('a', { href: '#', class: 'attachment-image', 'aria-label': 'Open ' + a.name }, [img]);
        attachmentBlobUrl(a).then(function (url) {
          img.src = url;
          link.href = url;
          link.target = '_blank';
        }, function () { img.alt = a.name + ' (cannot be loaded)'; });
        box.appendChild(link);
      } else {
        box.appendChild(h('button', { type: 'button', class: 'link', text: '📎 ' + label, onclick: function () {
          attachmentBlobUrl(a).then(function (url) { window.open(url, '_blank', 'noopener'); }, function () { toast('Cannot open ' + a.name, 'error'); });
        } }));
      }
    });
    return box;
  }

  function addMessage(m) {
    var c = state.current;
    if (c.messages.some(function (x) { return x.id === m.id; })) return;
    c.messages.push(m);
    c.messages.sort(bySeq);
    var list = $('messages');
    if (!list) return;
    var stream = state.streams[m.id];
    if (stream) {
      stream.el.remove();
      delete state.streams[m.id];
    }
    var el = renderMessage(m);
    var next = null;
    Array.prototype.some.call(list.children, function (child) {
      var other = c.messages.find(function (x) { return x.id === child.getAttribute('data-id'); });
      if (other && other.seq > m.seq) { next = child; return true; }
      return false;
    });
    if (!next) next = list.querySelector('.streaming');
    list.insertBefore(el, next);
    if (m.role === 'bot' || m.role === 'visitor' || m.role === 'agent') $('typing').textContent = '';
    scrollMessages();
  }

  function onDelta(p) {
    if (!p || !state.current || p.conversationId !== state.current.id) return;
    if (state.current.messages.some(function (x) { return x.id === p.messageId; })) return;
    if (discardedStreams[p.messageId]) return;
    var s = state.streams[p.messageId];
    if (!s) {
      s = state.streams[p.messageId] = { chunks: [], el: h('li', { class: 'msg bot streaming', 'data-id': p.messageId }) };
      $('messages').appendChild(s.el);
    }
    s.chunks[typeof p.index === 'number' ? p.index : s.chunks.length] = String(p.delta || '');
    clear(s.el);
    s.el.appendChild(h('div', { class: 'meta small' }, [h('strong', { text: 'Bot' }), h('span', { class: 'muted', text: 'writing…' })]));
    s.el.appendChild(h('div', { class: 'text', text: s.chunks.join('') }));
    s.touched = Date.now();
    scrollMessages();
  }

  // A streamed reply whose model failed mid-way: drop it; the answer streams again under a new id.
  var discardedStreams = {};
  function onDiscard(p) {
    if (!p || !p.messageId) return;
    discardedStreams[p.messageId] = true;
    var s = state.streams[p.messageId];
    if (s && s.el.parentNode) s.el.parentNode.removeChild(s.el);
    delete state.streams[p.messageId];
  }

  var typingTimer = null;
  function onTyping(p) {
    if (!p || !state.current || p.conversationId !== state.current.id) return;
    var el = $('typing');
    clearTimeout(typingTimer);
    if (p.on) {
      el.textContent = (p.role === 'visitor' ? 'The visitor' : p.role === 'bot' ? 'The bot' : 'An agent') + ' is typing…';
      typingTimer = setTimeout(function () { el.textContent = ''; }, 15000);
    } else {
      el.textContent = '';
      if (p.role === 'bot') {
        // a cancelled bot turn never gets its final message: drop its half-written bubble
        setTimeout(function () {
          Object.keys(state.streams).forEach(function (id) {
            if (Date.now() - state.streams[id].touched >= 3000) { state.streams[id].el.remove(); delete state.streams[id]; }
          });
        }, 3000);
      }
    }
  }

  function scrollMessages() {
    var list = $('messages');
    if (list) list.scrollTop = list.scrollHeight;
  }

  // ---- setup (admins) ----------------------------------------------------------------------
  var personas = [];

  function loadSetup() {
    api('GET', '/personas').then(function (res) {
      personas = res.items || [];
      renderItems('persona-list', personas, function (p) {
        return [h('strong', { text: p.name }), p.greeting ? h('div', { class: 'muted small', text: '“' + p.greeting + '”' }) : null, rulesEditor(p)];
      });
      var select = clear(document.querySelector('#inbox-form select[name=personaId]'));
      if (!personas.length) select.appendChild(h('option', { value: '', text: 'Create a persona first' }));
      personas.forEach(function (p) { select.appendChild(h('option', { value: p.id, text: p.name })); });
    }).catch(setupError);
    api('GET', '/knowledge/articles?limit=100').then(function (res) {
      renderItems('article-list', res.items || [], function (a) {
        var href = a.url && safeHref(a.url);
        return [href ? h('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: a.title }) : h('strong', { text: a.title }),
          h('div', { class: 'muted small clamp', text: a.body })];
      });
    }).catch(setupError);
    api('GET', '/inboxes').then(function (res) {
      renderItems('inbox-list', (res.items || []).slice().reverse(), inboxItem);
    }).catch(setupError);
    api('GET', '/users').then(function (res) {
      renderItems('user-list', res.items || [], function (u) {
        return [h('strong', { text: u.name }), ' ', h('span', { class: 'muted', text: u.email }), ' ', badge(u.role, u.role === 'admin' ? 'status-agent' : '')];
      });
    }).catch(setupError);
    var origins = document.querySelector('#inbox-form textarea[name=allowedOrigins]');
    if (!origins.value) origins.value = location.origin;
  }

  function setupError(err) { toast(err.message, 'error'); }

  // a persona's escalation rules as JSON, saved whole (400 names the bad path), and a dry run
  function rulesEditor(p) {
    var path = '/personas/' + encodeURIComponent(p.id) + '/escalation-rules';
    var rules = h('textarea', { rows: '10', class: 'code', 'aria-label': 'Escalation rules of ' + p.name });
    var transcript = h('textarea', { rows: '3', 'aria-label': 'Dry-run transcript', placeholder: 'One visitor message per line' });
    var out = h('pre', { class: 'small', 'aria-live': 'polite' });
    var loaded = false;
    function report(err) { out.textContent = err.message; }
    var box = h('details', {
      ontoggle: function () {
        if (!box.open || loaded) return;
        loaded = true;
        api('GET', path).then(function (list) {
          rules.value = JSON.stringify(list.map(function (r) { return { name: r.name, when: r.when, then: r.then, enabled: r.enabled }; }), null, 2);
        }).catch(report);
      },
    }, [
      h('summary', { text: 'Escalation rules' }),
      rules,
      h('div', { class: 'row' }, [
        h('button', { type: 'button', class: 'small-btn', text: 'Save rules', onclick: function () {
          var body;
          try { body = JSON.parse(rules.value); } catch (e) { out.textContent = 'Not valid JSON: ' + e.message; return; }
          api('PUT', path, body).then(function () { out.textContent = 'Saved.'; }).catch(report);
        } }),
      ]),
      transcript,
      h('button', { type: 'button', class: 'small-btn', text: 'Dry run', onclick: function () {
        var lines = transcript.value.split('\n').map(function (l) { return l.trim(); }).filter(Boolean);
        if (!lines.length) return;
        var body = { transcript: lines.map(function (text) { return { role: 'visitor', text: text }; }) };
        try { body.rules = JSON.parse(rules.value); } catch (e) { /* the stored rules */ }
        api('POST', path + '/dry-run', body).then(function (res) {
          out.textContent = res.steps.map(function (step) {
            var fired = step.fired.map(function (f) { return f.rule; }).join(', ') || 'no rule';
            return '#' + (step.index + 1) + ' ' + step.analysis.tone.label + '/' + step.analysis.intent + ' streak ' + step.trend.negativeStreak + ': ' + fired;
          }).join('\n') + '\n' + (res.escalation ? 'Escalates at #' + (res.escalation.index + 1) + ' (' + (res.escalation.rule || res.escalation.source) + ')' : 'No escalation');
        }).catch(report);
      } }),
      out,
    ]);
    return box;
  }

  function renderItems(id, items, render) {
    var list = clear($(id));
    if (!items.length) list.appendChild(h('li', { class: 'muted small', text: 'None yet.' }));
    items.forEach(function (item) { list.appendChild(h('li', {}, render(item))); });
  }

  function inboxItem(inbox) {
    var demo = ROOT + '/demo.html?inbox=' + encodeURIComponent(inbox.publicKey);
    var persona = personas.find(function (p) { return p.id === inbox.personaId; });
    var snippet = inbox.embedSnippet || '<script src="' + location.origin + ROOT + '/widget.js" data-inbox-key="' + inbox.publicKey + '" async></script>';
    var copy = h('button', { type: 'button', class: 'small-btn', text: 'Copy' });
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(snippet).then(function () { copy.textContent = 'Copied'; }, function () { copy.textContent = 'Select and copy'; });
    });
    return [
      h('div', { class: 'row' }, [h('strong', { class: 'grow', text: inbox.name }), h('a', { href: demo, target: '_blank', rel: 'noopener', text: 'Open demo page ↗' })]),
      h('div', { class: 'small muted' }, ['Key ', h('code', { text: inbox.publicKey }), persona ? ' · persona ' + persona.name : '', ' · origins ' + (inbox.allowedOrigins || []).join(', ')]),
      h('div', { class: 'embed' }, [h('code', { text: snippet }), copy]),
    ];
  }

  function bindForm(id, toBody, path, after) {
    var form = $(id);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var error = form.querySelector('.error');
      error.textContent = '';
      if (!form.reportValidity()) return;
      var button = form.querySelector('button[type=submit]');
      button.disabled = true;
      api('POST', path, toBody(form))
        .then(function (created) {
          form.reset();
          if (after) after(created, form);
          loadSetup();
          toast('Saved.', 'ok');
        })
        .catch(function (err) { error.textContent = err.message; })
        .then(function () { button.disabled = false; });
    });
  }

  function value(form, name) {
    var v = form.elements[name].value.trim();
    return v === '' ? undefined : v;
  }

  bindForm('persona-form', function (f) {
    return { name: value(f, 'name'), instructions: value(f, 'instructions'), greeting: value(f, 'greeting') };
  }, '/personas');

  bindForm('article-form', function (f) {
    return { title: value(f, 'title'), body: value(f, 'body'), url: value(f, 'url') };
  }, '/knowledge/articles');

  bindForm('inbox-form', function (f) {
    var origins = (f.elements.allowedOrigins.value || '').split(/[\s,]+/).map(function (o) { return o.trim().replace(/\/$/, ''); }).filter(Boolean);
    return { name: value(f, 'name'), personaId: value(f, 'personaId'), allowedOrigins: origins };
  }, '/inboxes', function (inbox) {
    toast('Inbox created. Its demo page: ' + ROOT + '/demo.html?inbox=' + inbox.publicKey, 'ok', {
      label: 'Open',
      run: function () { window.open(ROOT + '/demo.html?inbox=' + encodeURIComponent(inbox.publicKey), '_blank', 'noopener'); },
    });
  });

  bindForm('user-form', function (f) {
    return { name: value(f, 'name'), email: value(f, 'email'), password: f.elements.password.value, role: f.elements.role.value };
  }, '/users');

  // ---- start -------------------------------------------------------------------------------
  if (state.token && state.user) {
    api('GET', '/users/me').then(function (user) {
      state.user = user;
      sessionStorage.setItem(USER_KEY, JSON.stringify(user));
      enterApp();
    }).catch(function (err) {
      if (err.status !== 401) logout(err.message);
    });
  } else {
    logout();
  }
})();

/*!
 * Parley chat widget: loader and app in one file, no build step
 * Embed: <script src="https://parley.example/widget.js" data-inbox-key="pk_..." async></script>
 * Renders in a Shadow DOM; message text is only ever set with textContent.
 */
(function () {
  'use strict';
  if (window.__parleyWidget) return;
  window.__parleyWidget = true;

  var script = document.currentScript || document.querySelector('script[data-inbox-key][src*="widget.js"]');
  var inboxKey = script && script.getAttribute('data-inbox-key');
  if (!script || !inboxKey) {
    console.warn('[parley] widget.js needs a data-inbox-key attribute');
    return;
  }
  var scriptUrl = new URL(script.src, location.href);
  var basePath = scriptUrl.pathname.replace(/\/[^/]*$/, ''); // "" when served at the root
  var base = scriptUrl.origin + basePath;
  var TOKEN_KEY = 'parley:visitor:' + inboxKey;
  var OPEN_KEY = 'parley:open:' + inboxKey;
  var EMAIL_KEY = 'parley:email:' + inboxKey;
  var URL_RE = /\bhttps?:\/\/[^\s<>"'`]+/gi;

  // state
  var settings = null, conversationId = null, status = null, agentName = null, socket = null, io = null;
  var maxSeq = 0, order = 0, unread = 0, started = false, sessionRetried = false;
  var discarded = {}; // ids of streamed replies the server abandoned
  var entries = []; // {id?, clientMessageId?, seq?, role, text, citations?, author?, askEmail?, state, el, chunks?}
  var emailGiven = store('local', EMAIL_KEY) === '1'; // this visitor already left an email
  var byId = {}, byClientId = {};
  var typingTimer = null, myTypingOn = false, myTypingTimer = null;
  var visitorToken = null, tokenReady = null, resolveToken = null;
  tokenReady = new Promise(function (resolve) { resolveToken = resolve; });

  // storage may be blocked (third-party context, private mode): the visitor is then simply not resumed
  function store(kind, key, value) {
    try {
      var s = kind === 'local' ? localStorage : sessionStorage;
      if (value === undefined) return s.getItem(key);
      value === null ? s.removeItem(key) : s.setItem(key, value);
    } catch (e) { /* ignored */ }
    return null;
  }

  function uuid() { // crypto.randomUUID needs a secure context
    if (crypto.randomUUID) return crypto.randomUUID();
    return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, function (c) {
      return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16);
    });
  }

  // DOM helpers
  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === 'text') el.textContent = attrs[k];
      else if (k === 'class') el.className = attrs[k];
      else if (k.slice(0, 2) === 'on') el.addEventListener(k.slice(2), attrs[k]);
      else el.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { if (c) el.appendChild(c); });
    return el;
  }

  function icon(d) {
    var NS = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    var path = document.createElementNS(NS, 'path');
    path.setAttribute('d', d);
    svg.appendChild(path);
    return svg;
  }

  function safeHref(url) {
    try {
      var u = new URL(url);
      return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  /** Text with its http(s) URLs turned into links: text nodes and <a> elements only. */
  function linkify(parent, text) {
    var last = 0;
    text.replace(URL_RE, function (match, offset) {
      var url = match.replace(/[.,;:!?)\]}'"]+$/, '');
      var href = safeHref(url);
      if (!href) return match;
      if (offset > last) parent.appendChild(document.createTextNode(text.slice(last, offset)));
      parent.appendChild(h('a', { href: href, target: '_blank', rel: 'noopener noreferrer nofollow', text: url }));
      last = offset + url.length;
      return match;
    });
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  // styles
  var CSS = [
    ':host{all:initial}*{box-sizing:border-box}[hidden]{display:none!important}svg{fill:currentColor}',
    '.root{position:fixed;right:20px;bottom:20px;z-index:2147483000;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2430}',
    'button{cursor:pointer;font:inherit}.launcher,.close,.send{border:0;display:flex;align-items:center;justify-content:center;color:#fff}',
    ':focus-visible{outline:3px solid #91a7ff;outline-offset:2px}',
    '.launcher{width:56px;height:56px;border-radius:50%;background:#3b5bdb;box-shadow:0 6px 20px rgba(0,0,0,.25);position:relative;margin-left:auto}',
    '.launcher svg{width:28px;height:28px}',
    '.badge{position:absolute;top:-2px;right:-2px;min-width:20px;height:20px;border-radius:10px;background:#e03131;font-size:12px;font-weight:600;line-height:20px;padding:0 5px}',
    '.panel{position:absolute;right:0;bottom:72px;width:370px;height:560px;max-height:calc(100vh - 110px);background:#fff;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.25);display:flex;flex-direction:column;overflow:hidden}',
    '.head{background:#3b5bdb;color:#fff;padding:12px 14px;display:flex;align-items:center;gap:10px}',
    '.head img{width:34px;height:34px;border-radius:50%;object-fit:cover}.t{flex:1;min-width:0}',
    '.title{font-size:15px;margin:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.sub{font-size:12px;opacity:.9}',
    '.close{background:none;width:32px;height:32px;border-radius:6px}.close svg,.send svg{width:20px;height:20px}',
    '.log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:8px;background:#f6f7fb}',
    '.msg{max-width:85%;display:flex;flex-direction:column;align-items:flex-start}.msg.visitor{align-self:flex-end;align-items:flex-end}',
    '.who,.state{font-size:11px;color:#6b7280;margin:0 4px 2px}.state{margin:2px 4px 0}',
    '.bubble{padding:8px 12px;border-radius:14px;background:#fff;border:1px solid #e3e6ee;white-space:pre-wrap;overflow-wrap:anywhere}',
    '.visitor .bubble{background:#3b5bdb;color:#fff;border-color:#3b5bdb}a{color:#3b5bdb}.visitor a{color:#fff}.pending .bubble{opacity:.65}',
    '.failed .bubble{background:#fff0f0;color:#a51d1d;border-color:#ffc9c9}.failed .state,.retry{color:#c92a2a}',
    '.streaming .bubble::after{content:"\\258D";animation:b 1s steps(1) infinite}@keyframes b{50%{opacity:0}}',
    '.retry{background:none;border:0;padding:0;text-decoration:underline}',
    '.system{align-self:center;max-width:90%;text-align:center;font-size:12px;color:#4b5563;background:#e9ecf5;border-radius:10px;padding:4px 10px;white-space:pre-wrap}',
    '.cites{margin:4px 4px 0;font-size:12px;color:#4b5563}.cites ul{margin:2px 0 0;padding-left:16px}',
    '.typing{font-size:12px;color:#6b7280;padding:0 14px 6px;background:#f6f7fb;min-height:18px}',
    '.email{display:flex;gap:6px;justify-content:center;margin-top:6px;flex-wrap:wrap}.email input{font:inherit;padding:4px 8px;border:1px solid #c5cbd8;border-radius:8px;min-width:0}',
    '.notice{padding:10px 14px;font-size:13px;background:#fff4e6;color:#8a4b08}.notice button{margin-left:6px}',
    '.rate{display:flex;gap:4px;align-items:center;justify-content:center;font-size:12px;padding:6px}',
    '.rate button{border:1px solid #d0d5e2;background:#fff;border-radius:6px;padding:2px 7px}',
    'form{display:flex;gap:8px;padding:10px;border-top:1px solid #e3e6ee;align-items:flex-end}',
    'textarea{flex:1;resize:none;border:1px solid #d0d5e2;border-radius:10px;padding:8px 10px;font:inherit;color:inherit;max-height:120px;min-height:38px}',
    '.send{background:#3b5bdb;border-radius:10px;width:40px;height:38px}',
    '.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}',
    '.attach{border:1px solid #d0d5e2;background:#fff;color:#3b5bdb;border-radius:10px;width:40px;height:38px;display:flex;align-items:center;justify-content:center}.attach svg{width:20px;height:20px}',
    '.files{display:flex;flex-wrap:wrap;gap:6px;padding:8px 10px 0;border-top:1px solid #e3e6ee}.files:empty{display:none}',
    '.file{display:flex;align-items:center;gap:6px;border:1px solid #d0d5e2;border-radius:8px;padding:3px 4px 3px 3px;font-size:12px;max-width:100%}.file img{width:32px;height:32px;object-fit:cover;border-radius:5px}',
    '.file .n{max-width:140px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.file.failed{border-color:#ffc9c9;color:#a51d1d}.file button{border:0;background:none;padding:0 4px;font-size:16px;line-height:1;color:inherit}',
    '.atts{display:flex;flex-direction:column;gap:4px;margin-top:4px;align-items:inherit}.atts img{display:block;max-width:220px;max-height:220px;border-radius:10px;border:1px solid #e3e6ee;background:#fff}',
    '.atts .doc{border:1px solid #d0d5e2;background:#fff;border-radius:8px;padding:4px 8px;color:#3b5bdb;text-decoration:underline}',
    '@media (max-width:480px){.root{right:12px;bottom:12px}.panel{position:fixed;inset:0;width:auto;height:auto;max-height:none;border-radius:0}.panel:not([hidden])+.launcher{display:none}}',
  ].join('');

  // skeleton
  var host = h('div', { id: 'parley-widget' });
  var shadow = host.attachShadow({ mode: 'open' });
  shadow.appendChild(h('style', { text: CSS }));

  var CHAT = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z';
  var CLOSE = 'M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z';
  var SEND = 'M3 20.5 21 12 3 3.5l.01 6.6L15 12 3.01 13.9z';

  var badge = h('span', { class: 'badge', 'aria-hidden': 'true', hidden: '' });
  var launcher = h('button', { class: 'launcher', type: 'button', 'aria-label': 'Open chat', 'aria-expanded': 'false', 'aria-controls': 'parley-panel' }, [icon(CHAT), badge]);
  var titleEl = h('h2', { class: 'title', id: 'parley-title', text: 'Chat' });
  var subEl = h('div', { class: 'sub', 'aria-live': 'polite', text: 'Connecting…' });
  var avatarEl = h('img', { alt: '', hidden: '' });
  var closeBtn = h('button', { class: 'close', type: 'button', 'aria-label': 'Close chat' }, [icon(CLOSE)]);
  var log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation', tabindex: '0' });
  var typingEl = h('div', { class: 'typing', 'aria-live': 'polite' });
  var noticeText = h('span'), noticeBtn = h('button', { type: 'button', class: 'retry', text: 'Try again' });
  var notice = h('div', { class: 'notice', role: 'status', hidden: '' }, [noticeText, noticeBtn]);
  var input = h('textarea', { rows: '1', 'aria-label': 'Type your message', placeholder: 'Type your message…', maxlength: '10000' });
  var sendBtn = h('button', { class: 'send', type: 'submit', 'aria-label': 'Send message' }, [icon(SEND)]);
  var CLIP = 'M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z';
  var IMAGE_TYPES = 'image/png,image/jpeg,image/gif,image/webp';
  var fileInput = h('input', { type: 'file', accept: IMAGE_TYPES, multiple: '', class: 'sr', tabindex: '-1', 'aria-hidden': 'true' });
  var attachBtn = h('button', { class: 'attach', type: 'button', 'aria-label': 'Attach an image' }, [icon(CLIP)]);
  var filesEl = h('div', { class: 'files', role: 'list', 'aria-label': 'Images to send' });
  var form = h('form', {}, [attachBtn, fileInput, input, sendBtn]);
  var panel = h('section', { class: 'panel', id: 'parley-panel', role: 'dialog', 'aria-labelledby': 'parley-title', hidden: '' }, [
    h('div', { class: 'head' }, [avatarEl, h('div', { class: 't' }, [titleEl, subEl]), closeBtn]), log, typingEl, notice, filesEl, form,
  ]);
  shadow.appendChild(h('div', { class: 'root' }, [panel, launcher]));

  function mount() {
    document.body.appendChild(host);
    if (store('session', OPEN_KEY) === '1') setOpen(true, true);
    else if (store('local', TOKEN_KEY)) start(); // a returning visitor: connect now to receive replies
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);

  // open / close
  function setOpen(open, restoring) {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    launcher.replaceChild(icon(open ? CLOSE : CHAT), launcher.firstChild);
    store('session', OPEN_KEY, open ? '1' : null);
    if (open) unread = 0;
    renderBadge();
    if (open) {
      start();
      scrollDown();
      if (!restoring) input.focus();
    }
  }
  launcher.addEventListener('click', function () { setOpen(panel.hidden); });
  closeBtn.addEventListener('click', function () { setOpen(false); launcher.focus(); });
  panel.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { setOpen(false); launcher.focus(); }
  });

  function renderBadge() {
    badge.hidden = unread === 0;
    badge.textContent = unread > 9 ? '9+' : String(unread);
    launcher.setAttribute('aria-label', (panel.hidden ? 'Open chat' : 'Close chat') + (unread ? ' (' + unread + ' unread)' : ''));
  }

  function showNotice(text, retry) {
    noticeText.textContent = text;
    noticeBtn.hidden = !retry;
    noticeBtn.onclick = retry || null;
    notice.hidden = false;
  }

  // start-up: socket.io client, session, socket
  function loadSocketIo() {
    return new Promise(function (resolve, reject) {
      var previous = window.io;
      var s = document.createElement('script');
      s.src = base + '/socket.io/socket.io.min.js';
      s.async = true;
      s.onload = function () {
        var loaded = window.io;
        if (previous !== undefined) window.io = previous; // leave the host page's own io alone
        loaded ? resolve(loaded) : reject(new Error('socket.io client did not load'));
      };
      s.onerror = function () { reject(new Error('cannot load ' + s.src)); };
      document.head.appendChild(s);
    });
  }

  function createSession(visitorToken) {
    var body = { inboxKey: inboxKey, visitorToken: visitorToken || undefined };
    return fetch(base + '/api/v1/widget/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) {
        if (res.status === 401 && visitorToken) {
          store('local', TOKEN_KEY, null); // unknown or foreign token: start as a new visitor
          store('local', EMAIL_KEY, null);
          emailGiven = false;
          return createSession(null);
        }
        if (!res.ok) {
          var err = new Error((data.error && data.error.message) || 'HTTP ' + res.status);
          err.status = res.status;
          throw err;
        }
        return data;
      });
    });
  }

  function start() {
    if (started) return;
    started = true;
    notice.hidden = true;
    subEl.textContent = 'Connecting…';
    Promise.all([io ? io : loadSocketIo(), createSession(store('local', TOKEN_KEY))])
      .then(function (results) {
        io = results[0];
        var session = results[1];
        store('local', TOKEN_KEY, session.visitorToken);
        visitorToken = session.visitorToken;
        resolveToken(visitorToken);
        applySettings(session.settings || {});
        if (session.conversation) {
          setConversation(session.conversation.id);
          setStatus(session.conversation.status, null, true);
        } else renderSub();
        connect(session.visitorToken);
      })
      .catch(function (err) {
        started = false;
        console.warn('[parley]', err.message);
        subEl.textContent = 'Offline';
        if (err.status === 403) showNotice('Chat is not enabled on this website (origin not allowed).');
        else if (err.status === 404) showNotice('This chat inbox does not exist.');
        else showNotice('Cannot reach the chat service.', start);
      });
  }

  function applySettings(s) {
    settings = s;
    titleEl.textContent = s.title || 'Chat';
    var avatar = s.avatarUrl && safeHref(s.avatarUrl);
    if (avatar) { avatarEl.src = avatar; avatarEl.hidden = false; }
    if (s.greeting && !byId.greeting) {
      upsert({ id: 'greeting', role: 'bot', text: s.greeting, state: 'greeting', seq: 0, author: s.botName });
    }
  }

  function connect(token) {
    socket = io(scriptUrl.origin + '/widget', { path: basePath + '/socket.io/', auth: { token: token }, transports: ['websocket', 'polling'] });
    socket.on('connect', function () {
      notice.hidden = true;
      renderSub();
      sync();
      entries.forEach(function (e) {
        if ((e.state === 'failed' && e.retryable) || (e.state === 'pending' && !e.inFlight)) sendEntry(e);
      });
    });
    socket.on('disconnect', function (reason) {
      subEl.textContent = 'Reconnecting…';
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', function (err) {
      if (socket.active) { subEl.textContent = 'Reconnecting…'; return; }
      // Refused by the server's middleware: the socket.io client will not retry by itself.
      var message = String((err && err.message) || '');
      if (/^unauthorized/.test(message) && !sessionRetried) {
        sessionRetried = true;
        store('local', TOKEN_KEY, null);
        socket.close();
        started = false;
        return start();
      }
      subEl.textContent = 'Offline';
      showNotice(/^forbidden/.test(message) ? 'Chat is not enabled for this website.' : 'Cannot connect to the chat.', function () { notice.hidden = true; socket.connect(); });
    });
    socket.on('message:new', function (p) { if (p && p.message) receive(p.message, true); });
    socket.on('message:delta', onDelta);
    socket.on('message:discard', onDiscard);
    socket.on('typing', onTyping);
    socket.on('conversation:status', function (p) {
      if (!p) return;
      if (p.conversationId) setConversation(p.conversationId);
      setStatus(p.status, p.agent && p.agent.name);
    });
  }

  function sync() {
    if (!conversationId || !socket) return;
    socket.timeout(10000).emit('conversation:sync', { conversationId: conversationId, afterSeq: maxSeq }, function (err, res) {
      if (err || !res || !res.ok) return;
      (res.messages || []).forEach(function (m) { receive(m, false); });
    });
  }

  function setConversation(id) {
    if (!id || id === conversationId) return;
    if (conversationId) {
      // a different conversation: start its log afresh (seqs are per conversation)
      entries.slice().forEach(function (e) { if (e.seq > 0 || e.state === 'streaming') remove(e); });
      maxSeq = 0;
    }
    conversationId = id;
  }

  // status and typing
  function setStatus(next, name, initial) {
    var prev = status;
    status = next;
    if (name) agentName = name;
    if (next !== 'agent') agentName = name || null;
    renderSub();
    if (next === 'agent' || next === 'waiting') dropStaleStreams(0);
    if (next === 'resolved' && prev !== 'resolved' && !initial) showRating();
  }

  function renderSub() {
    var bot = (settings && settings.botName) || 'our assistant';
    var text = {
      waiting: 'Waiting for a person to join…',
      agent: agentName ? agentName + ' joined the conversation' : 'You are chatting with a person',
      resolved: 'This conversation is resolved. Write to reopen it.',
    }[status] || 'You are chatting with ' + bot;
    subEl.textContent = socket && !socket.connected ? 'Reconnecting…' : text;
  }

  function onTyping(p) {
    if (!p || p.role === 'visitor' || (conversationId && p.conversationId !== conversationId)) return;
    clearTimeout(typingTimer);
    if (p.on && !entries.some(function (e) { return e.state === 'streaming'; })) {
      var who = p.role === 'agent' ? agentName || 'An agent' : (settings && settings.botName) || 'The assistant';
      typingEl.textContent = who + ' is typing…';
      typingTimer = setTimeout(function () { typingEl.textContent = ''; }, 20000);
    } else {
      typingEl.textContent = '';
      if (!p.on && p.role === 'bot') dropStaleStreams(3000);
    }
  }

  function sendTyping(on) {
    if (!socket || !socket.connected || on === myTypingOn) return;
    myTypingOn = on;
    socket.emit('typing', { on: on });
  }

  // a streamed reply that never got its final message (the turn was cancelled) is removed
  function dropStaleStreams(delay) {
    setTimeout(function () {
      entries.slice().forEach(function (e) {
        if (e.state === 'streaming' && Date.now() - e.touched >= delay) remove(e);
      });
    }, delay);
  }

  // messages
  // confirmed messages in seq order, then pending and streaming ones in the order they appeared
  function compare(a, b) {
    var x = a.seq === undefined, y = b.seq === undefined;
    return x - y || (x ? 0 : a.seq - b.seq) || a.order - b.order;
  }

  function upsert(e) {
    if (!e.order) e.order = ++order;
    if (entries.indexOf(e) < 0) entries.push(e);
    if (e.id) byId[e.id] = e;
    if (e.clientMessageId) byClientId[e.clientMessageId] = e;
    render(e);
    entries.sort(compare);
    var i = entries.indexOf(e);
    var next = entries[i + 1];
    if (e.el.parentNode !== log || e.el.nextSibling !== (next ? next.el : null)) log.insertBefore(e.el, next ? next.el : null);
    scrollDown();
  }

  function remove(e) {
    entries.splice(entries.indexOf(e), 1);
    if (e.id) delete byId[e.id];
    if (e.el && e.el.parentNode) e.el.parentNode.removeChild(e.el);
  }

  function scrollDown() {
    requestAnimationFrame(function () { log.scrollTop = log.scrollHeight; });
  }

  function render(e) {
    var el = h('div');
    if (e.role === 'system') {
      el.className = 'system';
      el.textContent = e.text;
      if (e.askEmail && !emailGiven) el.appendChild(emailForm());
    } else {
      el.className = 'msg ' + e.role + (e.state === 'pending' || e.state === 'failed' || e.state === 'streaming' ? ' ' + e.state : '');
      var who = e.role === 'visitor' ? null : e.role === 'agent' ? (e.author || agentName || 'Agent') : (e.author || (settings && settings.botName) || 'Assistant');
      if (who) el.appendChild(h('div', { class: 'who', text: who }));
      else el.appendChild(h('span', { class: 'sr', text: 'You:' }));
      if (e.text || !(e.attachments && e.attachments.length)) {
        var bubble = h('div', { class: 'bubble' });
        linkify(bubble, e.text);
        el.appendChild(bubble);
      }
      if (e.attachments && e.attachments.length) el.appendChild(renderAttachments(e.attachments));
      if (e.role === 'bot' && e.citations && e.citations.length) {
        var list = h('ul');
        e.citations.forEach(function (c) {
          var href = c.url && safeHref(c.url);
          list.appendChild(h('li', {}, [href ? h('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: c.title || href }) : h('span', { text: c.title || 'Article' })]));
        });
        el.appendChild(h('div', { class: 'cites' }, [h('span', { text: 'Sources' }), list]));
      }
      if (e.state === 'pending') el.appendChild(h('div', { class: 'state', text: 'Sending…' }));
      if (e.state === 'failed') {
        var st = h('div', { class: 'state', role: 'alert' }, [h('span', { text: (e.error || 'Not sent.') + ' ' })]);
        st.appendChild(h('button', { type: 'button', class: 'retry', text: 'Retry', onclick: function () { sendEntry(e); } }));
        el.appendChild(st);
      }
    }
    if (e.el && e.el.parentNode) e.el.parentNode.replaceChild(el, e.el);
    e.el = el;
  }

  // nobody can answer now: the visitor may leave an email address (socket `visitor:email`)
  function emailForm() {
    var field = h('input', { type: 'email', required: '', maxlength: '320', placeholder: 'you@example.com', 'aria-label': 'Your email' });
    var note = h('span', { class: 'sr', role: 'status' });
    var box = h('form', { class: 'email' }, [field, h('button', { type: 'submit', text: 'Send' }), note]);
    box.addEventListener('submit', function (ev) {
      ev.preventDefault();
      if (!socket || !field.value) return;
      socket.timeout(10000).emit('visitor:email', { email: field.value }, function (err, res) {
        if (!err && res && res.ok) {
          emailGiven = true;
          store('local', EMAIL_KEY, '1');
          if (box.parentNode) box.parentNode.removeChild(box);
        } else {
          note.className = 'state';
          note.textContent = (res && res.error && res.error.message) || 'Could not save your email.';
        }
      });
    });
    return box;
  }

  // a complete message (message:new, an ack or a sync) replaces any pending or streamed copy
  function receive(m, live) {
    if (!m || !m.id) return;
    if (m.conversationId) {
      if (!conversationId) conversationId = m.conversationId;
      else if (m.conversationId !== conversationId) setConversation(m.conversationId);
    }
    if (typeof m.seq === 'number' && m.seq > maxSeq) maxSeq = m.seq;
    var e = byId[m.id] || (m.clientMessageId && byClientId[m.clientMessageId]);
    var fresh = !e;
    if (e && e.state === 'sent' && e.seq === m.seq && e.text === m.text) return;
    e = e || {};
    e.id = m.id; e.seq = m.seq; e.role = m.role; e.text = m.text || ''; e.citations = m.citations;
    e.attachments = m.attachments || e.attachments;
    e.author = m.author && m.author.name;
    e.askEmail = m.askEmail === true;
    if (m.clientMessageId) e.clientMessageId = m.clientMessageId;
    e.state = 'sent';
    e.chunks = null;
    upsert(e);
    if (m.role === 'bot' || m.role === 'agent') typingEl.textContent = '';
    if (live && fresh && m.role !== 'visitor' && panel.hidden) { unread++; renderBadge(); }
  }

  function onDelta(p) {
    if (!p || !p.messageId || (conversationId && p.conversationId !== conversationId)) return;
    if (discarded[p.messageId]) return;
    var e = byId[p.messageId];
    if (e && e.state !== 'streaming') return; // the final message is already here
    if (!e) e = { id: p.messageId, role: 'bot', text: '', state: 'streaming', chunks: [] };
    e.chunks[typeof p.index === 'number' ? p.index : e.chunks.length] = String(p.delta || '');
    e.text = e.chunks.join('');
    e.touched = Date.now();
    typingEl.textContent = '';
    upsert(e);
  }

  // The server abandoned a streamed reply (its model failed mid-way); the answer streams again under a new id.
  function onDiscard(p) {
    if (!p || !p.messageId) return;
    discarded[p.messageId] = true;
    var e = byId[p.messageId];
    if (e && e.state === 'streaming') remove(e);
  }

  function sendEntry(e) {
    e.state = 'pending';
    e.error = null;
    upsert(e);
    if (!socket) return; // sent once connected
    if (!socket.connected) return fail(e, true, 'Not sent (no connection).'); // retried on reconnect
    e.inFlight = true;
    var payload = { clientMessageId: e.clientMessageId, text: e.text };
    if (e.attachments && e.attachments.length) payload.attachments = e.attachments.map(function (a) { return { id: a.id }; });
    socket.timeout(15000).emit('message:send', payload, function (err, res) {
      e.inFlight = false;
      if (!err && res && res.ok && res.message) return receive(res.message, false);
      if (e.state === 'sent') return; // message:new already confirmed it
      var code = (res && res.error && res.error.code) || '';
      fail(e, !!err || !code || /^(rate_limited|unavailable|internal_error)$/.test(code),
        err ? 'Not sent (no connection).' : res && res.error && res.error.message ? 'Not sent: ' + res.error.message + '.' : 'Not sent.');
    });
  }

  function fail(e, retryable, message) {
    e.state = 'failed'; e.retryable = retryable; e.error = message;
    upsert(e);
  }

  function submit() {
    var text = input.value.trim();
    if (files.some(function (f) { return f.state === 'uploading'; })) return showNotice('Please wait until your images are uploaded.');
    var ready = files.filter(function (f) { return f.state === 'ready'; }).map(function (f) { return f.attachment; });
    if (!text && !ready.length) return;
    input.value = '';
    autosize();
    clearTimeout(myTypingTimer);
    sendTyping(false);
    start();
    files = [];
    renderFiles();
    sendEntry({ clientMessageId: uuid(), role: 'visitor', text: text, attachments: ready, state: 'pending' });
  }

  // attachments: uploaded as soon as they are picked, sent with the next message
  var files = []; // {name, previewUrl, state: 'uploading'|'ready'|'failed', error?, attachment?}
  var imageUrls = {}; // attachment id -> blob: URL (downloads need the visitor token, which <img> cannot send)

  attachBtn.addEventListener('click', function () { fileInput.click(); });
  fileInput.addEventListener('change', function () {
    Array.prototype.forEach.call(fileInput.files || [], uploadFile);
    fileInput.value = '';
  });

  function uploadFile(file) {
    var f = { name: file.name, previewUrl: URL.createObjectURL(file), state: 'uploading' };
    files.push(f);
    renderFiles();
    start();
    tokenReady
      .then(function () {
        return fetch(base + '/api/v1/widget/uploads?name=' + encodeURIComponent(file.name), {
          method: 'POST',
          headers: { 'Content-Type': file.type || 'application/octet-stream', Authorization: 'Bearer ' + visitorToken },
          body: file,
        });
      })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (data) {
          if (!res.ok) throw new Error((data.error && data.error.message) || 'HTTP ' + res.status);
          f.attachment = data;
          imageUrls[data.id] = f.previewUrl;
          f.state = 'ready';
        });
      })
      .catch(function (err) {
        f.state = 'failed';
        f.error = err.message;
      })
      .then(renderFiles);
  }

  function renderFiles() {
    filesEl.textContent = '';
    files.forEach(function (f) {
      var state = null;
      if (f.state === 'uploading') state = h('span', { text: 'Uploading…' });
      if (f.state === 'failed') state = h('span', { role: 'alert', text: 'Not uploaded: ' + f.error });
      filesEl.appendChild(h('div', { class: 'file ' + f.state, role: 'listitem' }, [
        h('img', { src: f.previewUrl, alt: '' }),
        h('span', { class: 'n', text: f.name, title: f.name }),
        state,
        h('button', { type: 'button', 'aria-label': 'Remove ' + f.name, text: '×', onclick: function () {
          files.splice(files.indexOf(f), 1);
          renderFiles();
        } }),
      ]));
    });
  }

  function renderAttachments(list) {
    var box = h('div', { class: 'atts' });
    list.forEach(function (a) {
      if (/^image\//.test(a.contentType)) {
        var img = h('img', { alt: a.name || 'Image' });
        box.appendChild(img);
        fetchAttachment(a).then(function (url) { img.src = url; }, function () { img.alt = (a.name || 'Image') + ' (cannot be shown)'; });
      } else {
        box.appendChild(h('button', { type: 'button', class: 'doc', text: a.name || 'File', onclick: function () {
          fetchAttachment(a).then(function (url) { window.open(url, '_blank', 'noopener'); });
        } }));
      }
    });
    return box;
  }

  function fetchAttachment(a) {
    if (imageUrls[a.id]) return Promise.resolve(imageUrls[a.id]);
    return tokenReady
      .then(function () { return fetch(base + a.url, { headers: { Authorization: 'Bearer ' + visitorToken } }); })
      .then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.blob();
      })
      .then(function (blob) { return (imageUrls[a.id] = URL.createObjectURL(blob)); });
  }

  function autosize() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight + 2, 120) + 'px';
  }

  form.addEventListener('submit', function (ev) { ev.preventDefault(); submit(); });
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && !ev.isComposing) { ev.preventDefault(); submit(); } // Shift+Enter: new line
  });
  input.addEventListener('input', function () {
    autosize();
    sendTyping(input.value.length > 0);
    clearTimeout(myTypingTimer);
    myTypingTimer = setTimeout(function () { sendTyping(false); }, 3000);
  });

  // rating
  function showRating() {
    if (!conversationId || !socket) return;
    var id = conversationId;
    var box = h('div', { class: 'rate', role: 'group', 'aria-label': 'Rate this conversation' }, [h('span', { text: 'How did we do?' })]);
    [1, 2, 3, 4, 5].forEach(function (n) {
      box.appendChild(h('button', { type: 'button', 'aria-label': n + ' out of 5', text: n + '★', onclick: function () {
        socket.emit('conversation:rate', { conversationId: id, score: n }, function () {});
        box.textContent = 'Thank you for your feedback!';
      } }));
    });
    log.appendChild(box);
    scrollDown();
  }
})();

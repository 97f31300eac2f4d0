/*
 * BPO/KPO assistant — intranet chat widget.
 *
 * Embed with one tag (optionally preceded by a config object):
 *   <script>window.BpoKpoChat = { title: "…", open: true };</script>
 *   <script src="https://HOST/webchat/widget.js" defer></script>
 *
 * Config (all optional): serverUrl, title, greeting,
 *   colors: { primary, onPrimary, background, text }, open.
 *
 * Talks to Rasa's standard socketio channel: session_request / session_confirm,
 * user_uttered { message, session_id }, bot_uttered { text, quick_replies, … }.
 * Loads widget.css and socket.io.min.js from the folder widget.js came from.
 * All message text is inserted as text nodes, never as HTML.
 */
(function () {
  "use strict";

  var HOST_ID = "bpo-kpo-chat";
  var MAX_CHARS = 1000;
  var MAX_HISTORY = 200;
  var REPLY_TIMEOUT_MS = 30000;
  var TYPING_DEBOUNCE_MS = 600;
  var STATUS_OFFLINE = "Can't reach the assistant. Reconnecting…";
  // The server refuses pages whose origin is not configured (its ALLOWED_ORIGINS); it does not retry.
  var REFUSED_ORIGIN = "origin not allowed";
  var STATUS_REFUSED = "This page is not allowed to use the assistant. Ask its administrators to allow " +
    location.origin + ".";
  var STATUS_NO_CLIENT = "Can't load the chat. Please reload the page later.";
  var NO_REPLY_NOTICE = "No reply yet. The assistant may be busy — please try again in a moment.";
  var DEFAULT_TITLE = "BPO/KPO assistant";
  var DEFAULT_GREETING = "Hello! Ask me anything about BPO and KPO — what they are, how they differ, or which fits your work.";

  // Captured now: document.currentScript is only set while this script first runs.
  var thisScript = document.currentScript || findOwnScript();

  // Loaded twice (even before <body> exists): keep the first widget.
  if (window.BpoKpoChatWidget || document.getElementById(HOST_ID)) return;
  window.BpoKpoChatWidget = {};

  function findOwnScript() {
    var scripts = document.getElementsByTagName("script");
    for (var i = scripts.length - 1; i >= 0; i--) {
      if (/\/widget\.js(\?|#|$)/.test(scripts[i].src || "")) return scripts[i];
    }
    return null;
  }

  // ---------------------------------------------------------------- config

  var scriptSrc = (thisScript && thisScript.src) || location.href;
  var baseUrl = new URL("./", scriptSrc).href; // …/webchat/
  var rawConfig = window.BpoKpoChat;
  var config = rawConfig && typeof rawConfig === "object" ? rawConfig : {};

  var serverUrl = String(config.serverUrl || new URL(scriptSrc).origin).replace(/\/+$/, "");
  var title = typeof config.title === "string" && config.title.trim() ? config.title : DEFAULT_TITLE;
  var greeting = "greeting" in config ? (config.greeting == null ? "" : String(config.greeting)) : DEFAULT_GREETING;
  var colors = config.colors && typeof config.colors === "object" ? config.colors : {};

  var KEY_PREFIX = "bpo-kpo-chat:" + serverUrl + ":";
  var KEYS = {
    session: KEY_PREFIX + "session",
    history: KEY_PREFIX + "history",
    outbox: KEY_PREFIX + "outbox",
    sender: KEY_PREFIX + "sender", // which tab sent the last message (and so records the replies)
  };
  var tabId = randomId();

  // ---------------------------------------------------------------- storage

  var memoryStore = {};

  function storeGetRaw(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return key in memoryStore ? memoryStore[key] : null; // storage disabled
    }
  }

  function storeSetRaw(key, raw) {
    memoryStore[key] = raw;
    try {
      window.localStorage.setItem(key, raw);
    } catch (e) {
      /* storage full or disabled: the in-memory copy still works for this page */
    }
  }

  /** JSON values (history, outbox). */
  function storeGet(key, fallback) {
    var raw = storeGetRaw(key);
    if (raw == null) return fallback;
    try {
      return JSON.parse(raw);
    } catch (e) {
      return fallback;
    }
  }

  function storeSet(key, value) {
    storeSetRaw(key, JSON.stringify(value));
  }

  function storeRemove(key) {
    delete memoryStore[key];
    try {
      window.localStorage.removeItem(key);
    } catch (e) {
      /* ignore */
    }
  }

  function randomId() {
    return Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  }

  function loadHistory() {
    var h = storeGet(KEYS.history, []);
    return Array.isArray(h) ? h.filter(function (m) { return m && typeof m === "object"; }) : [];
  }

  function saveHistory() {
    if (conversation.length > MAX_HISTORY) conversation = conversation.slice(conversation.length - MAX_HISTORY);
    storeSet(KEYS.history, conversation);
  }

  function loadOutbox() {
    var o = storeGet(KEYS.outbox, []);
    return Array.isArray(o) ? o : [];
  }

  // ---------------------------------------------------------------- state

  var conversation = loadHistory();
  var sessionId = storeGetRaw(KEYS.session) || null;

  var socket = null;
  var sessionReady = false; // session_confirm received on the current connection
  var isOpen = false;
  var typingHideTimer = null;
  var noReplyTimer = null;

  // ---------------------------------------------------------------- DOM helpers

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (name) {
        var value = attrs[name];
        if (value == null || value === false) return;
        if (name === "className") node.className = value;
        else if (name === "text") node.textContent = value;
        else node.setAttribute(name, value === true ? "" : String(value));
      });
    }
    (children || []).forEach(function (child) {
      if (child != null) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function svg(pathData) {
    var ns = "http://www.w3.org/2000/svg";
    var s = document.createElementNS(ns, "svg");
    s.setAttribute("viewBox", "0 0 24 24");
    s.setAttribute("width", "24");
    s.setAttribute("height", "24");
    s.setAttribute("aria-hidden", "true");
    s.setAttribute("focusable", "false");
    var p = document.createElementNS(ns, "path");
    p.setAttribute("d", pathData);
    p.setAttribute("fill", "currentColor");
    s.appendChild(p);
    return s;
  }

  var ICON_CHAT = "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-4.5 3.6A.5.5 0 0 1 4 21.2V18a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6.5a1.25 1.25 0 1 0 0 .01zm5 0a1.25 1.25 0 1 0 0 .01zm5 0a1.25 1.25 0 1 0 0 .01z";
  var ICON_CLOSE = "M6.7 5.3 12 10.6l5.3-5.3 1.4 1.4-5.3 5.3 5.3 5.3-1.4 1.4-5.3-5.3-5.3 5.3-1.4-1.4 5.3-5.3-5.3-5.3z";
  var ICON_RESTART = "M12 5a7 7 0 1 1-6.93 8h2.02A5 5 0 1 0 12 7v3L7.5 6 12 2v3z";
  var ICON_SEND = "M3.4 20.4 21 12 3.4 3.6l-.01 6.53L15 12 3.39 13.87z";

  /** Text with blank lines as paragraphs and single newlines as line breaks. */
  function paragraphs(text) {
    var frag = document.createDocumentFragment();
    String(text)
      .replace(/\r\n?/g, "\n")
      .split(/\n(?:[ \t]*\n)+/)
      .forEach(function (para) {
        if (!para.trim()) return;
        var p = el("p");
        para.split("\n").forEach(function (line, i) {
          if (i) p.appendChild(el("br"));
          p.appendChild(document.createTextNode(line));
        });
        frag.appendChild(p);
      });
    return frag;
  }

  function cellText(value) {
    return value == null ? "" : String(value);
  }

  // ---------------------------------------------------------------- payloads

  /** Keep only what the widget shows, in a shape safe to store. Null if nothing to show. */
  function normaliseBotPayload(payload) {
    if (typeof payload === "string") payload = { text: payload };
    if (!payload || typeof payload !== "object") return null;
    var msg = { id: randomId(), from: "bot" };
    var shown = false;
    if (typeof payload.text === "string" && payload.text.trim()) {
      msg.text = payload.text;
      shown = true;
    }
    if (Array.isArray(payload.items)) {
      var items = payload.items.filter(function (x) { return x != null && x !== ""; }).map(cellText);
      if (items.length) {
        msg.items = items;
        shown = true;
      }
    }
    if (Array.isArray(payload.table)) {
      var rows = payload.table.filter(Array.isArray).map(function (row) { return row.map(cellText); });
      if (rows.length && rows[0].length) {
        msg.table = rows;
        shown = true;
      }
    }
    if (typeof payload.source === "string" && payload.source.trim()) {
      msg.source = payload.source;
      shown = true;
    }
    var replies = Array.isArray(payload.quick_replies) ? payload.quick_replies
      : Array.isArray(payload.buttons) ? payload.buttons : [];
    replies = replies
      .filter(function (r) {
        return r && typeof r === "object" && r.title != null && String(r.title).trim() &&
          (r.content_type == null || r.content_type === "text");
      })
      .map(function (r) {
        return { title: String(r.title), payload: r.payload == null ? String(r.title) : String(r.payload) };
      });
    if (replies.length) {
      msg.quick_replies = replies;
      msg.chipsDisabled = false;
      shown = true;
    }
    return shown ? msg : null;
  }

  // ---------------------------------------------------------------- UI

  var host = el("div", { id: HOST_ID });
  host.style.visibility = "hidden"; // until widget.css has loaded
  var shadow = host.attachShadow({ mode: "open" });

  var cssLink = el("link", { rel: "stylesheet", href: baseUrl + "widget.css" });
  var revealed = false;
  var focusOnReveal = false;
  function reveal() {
    if (revealed) return;
    revealed = true;
    host.style.visibility = "";
    if (focusOnReveal && isOpen) input.focus();
  }
  cssLink.addEventListener("load", reveal);
  cssLink.addEventListener("error", reveal);
  setTimeout(reveal, 4000);

  var root = el("div", { className: "root" });
  Object.keys({ primary: 1, onPrimary: 1, background: 1, text: 1 }).forEach(function (name) {
    var value = colors[name];
    if (typeof value !== "string" || !value.trim()) return;
    if (window.CSS && CSS.supports && !CSS.supports("color", value)) return;
    root.style.setProperty("--bkc-" + name.replace(/[A-Z]/g, function (c) { return "-" + c.toLowerCase(); }), value);
  });

  var panelId = "bkc-panel";
  var titleId = "bkc-title";
  var inputId = "bkc-input";

  var launcher = el("button", {
    type: "button",
    className: "launcher",
    "aria-label": "Open the BPO/KPO assistant",
    "aria-expanded": "false",
    "aria-controls": panelId,
    title: title,
  }, [svg(ICON_CHAT), svg(ICON_CLOSE)]);
  launcher.firstChild.classList.add("icon-open");
  launcher.lastChild.classList.add("icon-close");

  var restartBtn = el("button", {
    type: "button",
    className: "icon-btn restart",
    "aria-label": "Start a new conversation",
    title: "New conversation",
  }, [svg(ICON_RESTART)]);

  var closeBtn = el("button", {
    type: "button",
    className: "icon-btn close",
    "aria-label": "Close the assistant",
    title: "Close",
  }, [svg(ICON_CLOSE)]);

  var header = el("div", { className: "header" }, [
    el("h2", { className: "title", id: titleId, text: title }),
    restartBtn,
    closeBtn,
  ]);

  var statusEl = el("div", { className: "status", role: "status", hidden: true });

  var log = el("div", { className: "log", role: "log", "aria-live": "polite", "aria-label": "Conversation" });
  var typing = el("div", {
    className: "typing",
    role: "img",
    "aria-label": "The assistant is typing",
    hidden: true,
  }, [el("span"), el("span"), el("span")]);
  var scroller = el("div", { className: "messages" }, [log, typing]);

  var input = el("textarea", {
    id: inputId,
    name: "message",
    rows: "1",
    maxlength: String(MAX_CHARS),
    placeholder: "Ask about BPO or KPO…",
    autocomplete: "off",
    "aria-describedby": "bkc-counter",
  });
  var counter = el("span", { className: "counter", id: "bkc-counter" });
  var sendBtn = el("button", { type: "submit", className: "send" }, [el("span", { text: "Send" }), svg(ICON_SEND)]);
  var form = el("form", { className: "composer" }, [
    el("label", { className: "visually-hidden", for: inputId, text: "Message" }),
    input,
    sendBtn,
    counter,
  ]);

  var panel = el("div", {
    className: "panel",
    id: panelId,
    role: "dialog",
    "aria-label": title,
    hidden: true,
  }, [header, statusEl, scroller, form]);

  // The launcher comes first in the tab order, then the panel it opens.
  root.appendChild(launcher);
  root.appendChild(panel);
  shadow.appendChild(cssLink);
  shadow.appendChild(root);

  // ---------------------------------------------------------------- rendering

  function renderTable(rows) {
    var table = el("table");
    var head = rows[0];
    var width = rows.reduce(function (w, r) { return Math.max(w, r.length); }, 0);
    var thead = el("thead");
    var htr = el("tr");
    for (var c = 0; c < width; c++) {
      var text = cellText(head[c]);
      htr.appendChild(text ? el("th", { scope: "col", text: text }) : el("td", { className: "corner" }));
    }
    thead.appendChild(htr);
    table.appendChild(thead);
    var tbody = el("tbody");
    rows.slice(1).forEach(function (row) {
      var tr = el("tr");
      for (var i = 0; i < width; i++) {
        tr.appendChild(i === 0 ? el("th", { scope: "row", text: cellText(row[i]) }) : el("td", { text: cellText(row[i]) }));
      }
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    return el("div", { className: "table-wrap", tabindex: "0", role: "region", "aria-label": "Table" }, [table]);
  }

  function renderMessage(msg) {
    var bubble = el("div", { className: "bubble" });
    if (msg.text) bubble.appendChild(paragraphs(msg.text));
    if (msg.from === "bot") {
      if (msg.items) {
        bubble.appendChild(el("ul", null, msg.items.map(function (item) { return el("li", { text: item }); })));
      }
      if (msg.table) bubble.appendChild(renderTable(msg.table));
      if (msg.source) bubble.appendChild(el("p", { className: "source", text: msg.source }));
    }
    var node = el("div", {
      className: "msg " + (msg.from === "user" ? "user" : "bot") + (msg.pending ? " pending" : "") + (msg.greeting ? " greeting" : "") + (msg.table ? " has-table" : ""),
      "data-id": msg.id,
    }, bubble.firstChild ? [bubble] : []);
    if (msg.from === "bot" && msg.quick_replies && msg.quick_replies.length) {
      var chips = el("div", { className: "chips", role: "group", "aria-label": "Suggested replies" });
      msg.quick_replies.forEach(function (reply) {
        var b = el("button", { type: "button", text: reply.title, disabled: !!msg.chipsDisabled });
        b.addEventListener("click", function () {
          if (b.disabled) return;
          disableChips();
          send(reply.payload, reply.title);
        });
        chips.appendChild(b);
      });
      node.appendChild(chips);
    }
    return node;
  }

  function renderAll() {
    log.textContent = "";
    if (greeting) log.appendChild(renderMessage({ id: "greeting", from: "bot", text: greeting, greeting: true }));
    conversation.forEach(function (msg) {
      if (msg.from === "user" || msg.from === "bot") log.appendChild(renderMessage(msg));
    });
    scrollToEnd();
  }

  function appendMessage(msg) {
    conversation.push(msg);
    if (conversation.length > MAX_HISTORY) {
      saveHistory(); // drops the oldest
      renderAll();
      return;
    }
    saveHistory();
    log.appendChild(renderMessage(msg));
    scrollToEnd();
  }

  function showNotice(text) {
    log.appendChild(el("div", { className: "notice", text: text }));
    scrollToEnd();
  }

  function scrollToEnd() {
    scroller.scrollTop = scroller.scrollHeight;
  }

  /** Disable every chip so far (in storage too); they stay visible. */
  function disableChips() {
    var changed = false;
    conversation.forEach(function (msg) {
      if (msg.quick_replies && !msg.chipsDisabled) {
        msg.chipsDisabled = true;
        changed = true;
      }
    });
    if (changed) saveHistory();
    Array.prototype.forEach.call(log.querySelectorAll(".chips button"), function (b) { b.disabled = true; });
  }

  function setStatus(text) {
    statusEl.textContent = text || "";
    statusEl.hidden = !text;
  }

  function showTyping() {
    clearTimeout(typingHideTimer);
    typing.hidden = false;
    scrollToEnd();
  }

  function hideTyping() {
    clearTimeout(typingHideTimer);
    typing.hidden = true;
  }

  function awaitReply() {
    showTyping();
    clearTimeout(noReplyTimer);
    noReplyTimer = setTimeout(function () {
      hideTyping();
      showNotice(NO_REPLY_NOTICE);
    }, REPLY_TIMEOUT_MS);
  }

  function updateCounter() {
    var n = input.value.length;
    counter.textContent = n >= MAX_CHARS * 0.8 ? n + " / " + MAX_CHARS : "";
  }

  function autoGrow() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight, 140) + "px";
  }

  // ---------------------------------------------------------------- open / close

  function openPanel() {
    if (isOpen) return;
    isOpen = true;
    panel.hidden = false;
    root.classList.add("open");
    launcher.setAttribute("aria-expanded", "true");
    scrollToEnd();
    // Hidden elements cannot take focus: until widget.css has loaded, focus on reveal.
    if (revealed) setTimeout(function () { input.focus(); }, 0);
    else focusOnReveal = true;
  }

  function closePanel() {
    if (!isOpen) return;
    isOpen = false;
    panel.hidden = true;
    root.classList.remove("open");
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }

  launcher.addEventListener("click", function () {
    if (isOpen) closePanel();
    else openPanel();
  });
  closeBtn.addEventListener("click", closePanel);
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen) {
      event.preventDefault();
      event.stopPropagation();
      closePanel();
    }
  });

  // ---------------------------------------------------------------- sending

  function canSend() {
    return !!(socket && socket.connected && sessionReady && sessionId);
  }

  function emitUser(text) {
    socket.emit("user_uttered", { message: text, session_id: sessionId });
    storeSetRaw(KEYS.sender, tabId);
    awaitReply();
  }

  /** Show `shown` as the user's bubble and send `text` now, or once connected. */
  function send(text, shown) {
    text = String(text == null ? "" : text).trim();
    if (!text) return;
    var display = String(shown == null ? text : shown).trim() || text;
    var msg = { id: randomId(), from: "user", text: display };
    if (canSend()) {
      appendMessage(msg);
      emitUser(text);
    } else {
      msg.pending = true;
      appendMessage(msg);
      var outbox = loadOutbox();
      outbox.push({ id: msg.id, message: text });
      storeSet(KEYS.outbox, outbox);
    }
  }

  function flushOutbox() {
    var outbox = loadOutbox();
    if (!outbox.length || !canSend()) return;
    storeRemove(KEYS.outbox); // claim it, so another tab does not send it too
    outbox.forEach(function (item) {
      if (!item || typeof item.message !== "string") return;
      socket.emit("user_uttered", { message: item.message, session_id: sessionId });
      conversation.forEach(function (m) { if (m.id === item.id) delete m.pending; });
      var node = log.querySelector('.msg[data-id="' + String(item.id).replace(/[^a-z0-9]/gi, "") + '"]');
      if (node) node.classList.remove("pending");
    });
    saveHistory();
    storeSetRaw(KEYS.sender, tabId);
    awaitReply();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) {
      input.focus();
      return;
    }
    send(text.slice(0, MAX_CHARS));
    input.value = "";
    updateCounter();
    autoGrow();
    input.focus();
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (form.requestSubmit) form.requestSubmit();
      else sendBtn.click();
    }
  });
  input.addEventListener("input", function () {
    updateCounter();
    autoGrow();
  });

  function restart() {
    conversation = [];
    sessionId = null;
    sessionReady = false;
    storeRemove(KEYS.history);
    storeRemove(KEYS.outbox);
    storeRemove(KEYS.session);
    hideTyping();
    clearTimeout(noReplyTimer);
    renderAll();
    // A fresh session id for the next message (no message is sent).
    if (socket && socket.connected) socket.emit("session_request", { session_id: null });
    input.focus();
  }
  restartBtn.addEventListener("click", restart);

  // ---------------------------------------------------------------- receiving

  function onBotUttered(payload) {
    // With several tabs on one session, every tab gets the reply; the tab that
    // sent the last message records it, the others redraw from storage.
    var sender = storeGetRaw(KEYS.sender);
    if (sender && sender !== tabId) return;

    clearTimeout(noReplyTimer);
    clearTimeout(typingHideTimer);
    if (!typing.hidden) typingHideTimer = setTimeout(hideTyping, TYPING_DEBOUNCE_MS);

    var msg;
    try {
      msg = normaliseBotPayload(payload);
    } catch (e) {
      msg = null;
    }
    if (!msg) return;
    disableChips();
    appendMessage(msg);
  }

  function onSessionConfirm(data) {
    var id = typeof data === "string" ? data : data && typeof data === "object" ? data.session_id : null;
    if (typeof id !== "string" || !id) return;
    sessionId = id;
    storeSetRaw(KEYS.session, id);
    sessionReady = true;
    flushOutbox();
  }

  function connect(io) {
    socket = io(serverUrl, {
      path: "/socket.io",
      transports: ["websocket", "polling"],
      tryAllTransports: true, // fall back to long-polling where a proxy blocks websockets
    });
    socket.on("connect", function () {
      setStatus("");
      sessionReady = false;
      socket.emit("session_request", { session_id: sessionId });
    });
    socket.on("session_confirm", onSessionConfirm);
    socket.on("bot_uttered", onBotUttered);
    socket.on("connect_error", function (error) {
      sessionReady = false;
      setStatus(error && error.message === REFUSED_ORIGIN ? STATUS_REFUSED : STATUS_OFFLINE);
    });
    socket.on("disconnect", function (reason) {
      sessionReady = false;
      hideTyping();
      clearTimeout(noReplyTimer);
      setStatus(STATUS_OFFLINE);
      // The server closed the connection on purpose: socket.io does not retry by itself then.
      if (reason === "io server disconnect") {
        setTimeout(function () { socket.connect(); }, 2000);
      }
    });
  }

  /** Load socket.io-client from beside widget.js, without disturbing the page's own `io` or AMD loader. */
  function loadSocketIo(done) {
    var previousIo = window.io;
    var hadIo = "io" in window;
    var define = window.define;
    var hideAmd = typeof define === "function" && define.amd;
    if (hideAmd) window.define = undefined;
    var s = document.createElement("script");
    s.src = baseUrl + "socket.io.min.js";
    s.async = true;
    s.onload = function () {
      if (hideAmd) window.define = define;
      var io = window.io;
      if (hadIo) window.io = previousIo;
      if (typeof io === "function") done(io);
      else setStatus(STATUS_NO_CLIENT);
    };
    s.onerror = function () {
      if (hideAmd) window.define = define;
      setStatus(STATUS_NO_CLIENT);
    };
    (document.head || document.documentElement).appendChild(s);
  }

  // Keep tabs of the same page in step.
  window.addEventListener("storage", function (event) {
    if (event.key === KEYS.history || event.key === null) {
      conversation = loadHistory();
      renderAll();
    } else if (event.key === KEYS.session) {
      var id = storeGetRaw(KEYS.session);
      if (typeof id === "string" && id && id !== sessionId) {
        sessionId = id;
        if (socket && socket.connected) socket.emit("session_request", { session_id: id });
      } else if (!id) {
        sessionId = null;
      }
    }
  });

  // ---------------------------------------------------------------- start

  function start() {
    document.body.appendChild(host);
    renderAll();
    if (config.open) {
      openPanel();
      // Opened by the page, not the user: take focus only if nothing on the page has it.
      var active = document.activeElement;
      focusOnReveal = !active || active === document.body || active === document.documentElement;
      if (revealed && focusOnReveal) input.focus();
    }
    loadSocketIo(connect);
  }

  Object.assign(window.BpoKpoChatWidget, {
    open: openPanel,
    close: closePanel,
    toggle: function () { if (isOpen) closePanel(); else openPanel(); },
    restart: restart,
  });

  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
})();

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
 * user_uttered { message, session_id, structured: true }, bot_uttered { text, quick_replies, … }
 * (structured: answers come as one payload with items, table and source; see bot/channels/webchat.py).
 * Loads widget.css and socket.io.min.js from the folder widget.js came from.
 * All message text is inserted as text nodes, never as HTML.
 *
 * Parts, each a factory that owns its own state and talks to the others only
 * through the functions it is handed (wired together by start(), at the bottom):
 *   createStorage   localStorage (with an in-memory fallback): history, outbox, session, sender
 *   createRenderer  the conversation log: messages, tables, chips, notices (DOM helpers and
 *                   payload normalisation are the plain functions just above it)
 *   createPanel     the launcher and panel: open/close, keyboard, form, status line, typing indicator
 *   createTransport socket.io: connection, session, sending/receiving, outbox flush
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
  var RATING_NOT_KEPT = "Sorry, your rating could not be sent. Please try again in a moment.";
  /** An answer's id, as the server gives it for a thumbs up or down. */
  var ANSWER_ID = /^[0-9a-f]{8,32}$/;
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

  function randomId() {
    return Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  }

  // ================================================================ config

  /**
   * The page's window.BpoKpoChat, checked, with defaults. `config` is the page's object itself:
   * its `open` is read only when the widget is mounted.
   */
  function readSettings(rawConfig, scriptSrc) {
    var config = rawConfig && typeof rawConfig === "object" ? rawConfig : {};
    return {
      config: config,
      baseUrl: new URL("./", scriptSrc).href, // …/webchat/
      serverUrl: String(config.serverUrl || new URL(scriptSrc).origin).replace(/\/+$/, ""),
      title: typeof config.title === "string" && config.title.trim() ? config.title : DEFAULT_TITLE,
      greeting: "greeting" in config ? (config.greeting == null ? "" : String(config.greeting)) : DEFAULT_GREETING,
      colors: config.colors && typeof config.colors === "object" ? config.colors : {},
    };
  }

  // ================================================================ storage

  /*
   * Storage. Owns every key under `prefix` ("bpo-kpo-chat:<serverUrl>:" + session, history,
   * outbox, sender), an in-memory copy for when localStorage is disabled or full, and the
   * conversation itself (the stored history, at most MAX_HISTORY messages; callers read it
   * through messages() and change it only through the functions below).
   * Handed: the key prefix. Knows nothing of the DOM or the socket.
   */
  function createStorage(prefix) {
    var keys = {
      session: prefix + "session",
      history: prefix + "history",
      outbox: prefix + "outbox",
      sender: prefix + "sender", // which tab sent the last message (and so records the replies)
    };
    var memoryStore = {};

    function getRaw(key) {
      try {
        return window.localStorage.getItem(key);
      } catch (e) {
        return key in memoryStore ? memoryStore[key] : null; // storage disabled
      }
    }

    function setRaw(key, raw) {
      memoryStore[key] = raw;
      try {
        window.localStorage.setItem(key, raw);
      } catch (e) {
        /* storage full or disabled: the in-memory copy still works for this page */
      }
    }

    /** JSON values (history, outbox). */
    function getJson(key, fallback) {
      var raw = getRaw(key);
      if (raw == null) return fallback;
      try {
        return JSON.parse(raw);
      } catch (e) {
        return fallback;
      }
    }

    function setJson(key, value) {
      setRaw(key, JSON.stringify(value));
    }

    function remove(key) {
      delete memoryStore[key];
      try {
        window.localStorage.removeItem(key);
      } catch (e) {
        /* ignore */
      }
    }

    function loadHistory() {
      var h = getJson(keys.history, []);
      return Array.isArray(h) ? h.filter(function (m) { return m && typeof m === "object"; }) : [];
    }

    function saveHistory() {
      if (conversation.length > MAX_HISTORY) conversation = conversation.slice(conversation.length - MAX_HISTORY);
      setJson(keys.history, conversation);
    }

    function loadOutbox() {
      var o = getJson(keys.outbox, []);
      return Array.isArray(o) ? o : [];
    }

    var conversation = loadHistory();

    return {
      /** The conversation, oldest first (read only). */
      messages: function () {
        return conversation;
      },

      /** Add and save a message; true if that dropped the oldest. */
      addMessage: function (msg) {
        conversation.push(msg);
        var dropped = conversation.length > MAX_HISTORY;
        saveHistory();
        return dropped;
      },

      /** Mark every message's chips disabled (saved only if one changed). */
      disableChips: function () {
        var changed = false;
        conversation.forEach(function (msg) {
          if (msg.quick_replies && !msg.chipsDisabled) {
            msg.chipsDisabled = true;
            changed = true;
          }
        });
        if (changed) saveHistory();
      },

      /** The answer shown as message `id` was rated ("up" or "down"); saves the history. */
      setRated: function (id, rating) {
        conversation.forEach(function (m) { if (m.id === id) m.rated = rating; });
        saveHistory();
      },

      /** The messages with these ids are no longer pending; saves the history. */
      markSent: function (ids) {
        ids.forEach(function (id) {
          conversation.forEach(function (m) { if (m.id === id) delete m.pending; });
        });
        saveHistory();
      },

      /** Forget the conversation, its outbox and its session. */
      clear: function () {
        conversation = [];
        remove(keys.history);
        remove(keys.outbox);
        remove(keys.session);
      },

      /** Keep { id, message } to send once connected. */
      queue: function (item) {
        var outbox = loadOutbox();
        outbox.push(item);
        setJson(keys.outbox, outbox);
      },

      /** The outbox, removed from storage if not empty (claimed, so another tab does not send it too). */
      takeOutbox: function () {
        var outbox = loadOutbox();
        if (outbox.length) remove(keys.outbox);
        return outbox;
      },

      session: function () {
        return getRaw(keys.session);
      },

      setSession: function (id) {
        setRaw(keys.session, id);
      },

      sender: function () {
        return getRaw(keys.sender);
      },

      setSender: function (id) {
        setRaw(keys.sender, id);
      },

      /**
       * Keep tabs of the same page in step: onHistory() after another tab changed the history
       * (reloaded here first), onSession(id) after it changed the session id (null if removed).
       */
      watchOtherTabs: function (onHistory, onSession) {
        window.addEventListener("storage", function (event) {
          if (event.key === keys.history || event.key === null) {
            conversation = loadHistory();
            onHistory();
          } else if (event.key === keys.session) {
            onSession(getRaw(keys.session));
          }
        });
      },
    };
  }

  // ================================================================ rendering

  // ---------------------------------------------------------------- DOM helpers (also used by the panel)

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
  var ICON_THUMB_UP = "M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 " +
    "7.59 7.59C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z";
  var ICON_THUMB_DOWN = "M15 3H6c-.83 0-1.54.5-1.84 1.22l-3.02 7.05c-.09.23-.14.47-.14.73v2c0 1.1.9 2 2 2h6.31l-.95 " +
    "4.57-.03.32c0 .41.17.79.44 1.06L9.83 23l6.59-6.59c.36-.36.58-.86.58-1.41V5c0-1.1-.9-2-2-2zm4 0v12h4V3h-4z";

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
    if (typeof payload.rate === "string" && ANSWER_ID.test(payload.rate)) msg.rate = payload.rate;
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

  // ---------------------------------------------------------------- the log

  /*
   * Renderer. Owns what is inside the conversation log: the greeting, the messages (text,
   * lists, tables, sources), suggested-reply chips and notices, kept in step with the stored
   * conversation.
   * Handed: options.log (the log element), options.scrollToEnd(), options.greeting (text, or ""
   * for none), options.history (the storage part: messages, addMessage, disableChips, markSent)
   * and options.onChoose(payload, title), called when a chip is clicked, and
   * options.onRate(msg, rating, done), called when an answer's thumbs up or down is clicked.
   */
  function createRenderer(options) {
    var log = options.log;
    var scrollToEnd = options.scrollToEnd;
    var greeting = options.greeting;
    var history = options.history;
    var onChoose = options.onChoose;
    var onRate = options.onRate;

    /**
     * A thumbs up and down under an answer. Once one is pressed, both are off (aria-disabled, so
     * they stay reachable by keyboard and the pressed one says so) and a thanks is announced.
     */
    function renderRating(msg) {
      var group = el("div", { className: "rating", role: "group", "aria-label": "Was this answer helpful?" });
      var thanks = el("span", { className: "thanks", role: "status" });
      var buttons = [];
      var busy = false;
      function show() {
        buttons.forEach(function (b) {
          b.setAttribute("aria-pressed", msg.rated === b.getAttribute("data-rating") ? "true" : "false");
          if (msg.rated) b.setAttribute("aria-disabled", "true");
        });
        thanks.textContent = msg.rated ? "Thanks for the feedback" : "";
      }
      [["up", ICON_THUMB_UP, "Helpful"], ["down", ICON_THUMB_DOWN, "Not helpful"]].forEach(function (choice) {
        var b = el("button", { type: "button", title: choice[2], "aria-label": choice[2], "data-rating": choice[0] },
          [svg(choice[1])]);
        b.addEventListener("click", function () {
          if (msg.rated || busy) return;
          busy = true;
          onRate(msg, choice[0], function (kept) {
            busy = false;
            if (!kept) return;
            msg.rated = choice[0];
            history.setRated(msg.id, choice[0]);
            show();
          });
        });
        buttons.push(b);
        group.appendChild(b);
      });
      group.appendChild(thanks);
      show();
      return group;
    }

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
            onChoose(reply.payload, reply.title);
          });
          chips.appendChild(b);
        });
        node.appendChild(chips);
      }
      if (msg.from === "bot" && msg.rate) node.appendChild(renderRating(msg));
      return node;
    }

    /** Redraw the log from the stored conversation. */
    function renderAll() {
      log.textContent = "";
      if (greeting) log.appendChild(renderMessage({ id: "greeting", from: "bot", text: greeting, greeting: true }));
      history.messages().forEach(function (msg) {
        if (msg.from === "user" || msg.from === "bot") log.appendChild(renderMessage(msg));
      });
      scrollToEnd();
    }

    /** Store and show a message. */
    function append(msg) {
      if (history.addMessage(msg)) {
        renderAll(); // the oldest was dropped
        return;
      }
      log.appendChild(renderMessage(msg));
      scrollToEnd();
    }

    function notice(text) {
      log.appendChild(el("div", { className: "notice", text: text }));
      scrollToEnd();
    }

    /** Disable every chip so far (in storage too); they stay visible. */
    function disableChips() {
      history.disableChips();
      Array.prototype.forEach.call(log.querySelectorAll(".chips button"), function (b) { b.disabled = true; });
    }

    /** The user's messages with these ids have been sent: no longer pending (in storage too). */
    function markSent(ids) {
      history.markSent(ids);
      ids.forEach(function (id) {
        var node = log.querySelector('.msg[data-id="' + String(id).replace(/[^a-z0-9]/gi, "") + '"]');
        if (node) node.classList.remove("pending");
      });
    }

    /** A bot_uttered payload: store and show it, if it has anything to show. */
    function showReply(payload) {
      var msg;
      try {
        msg = normaliseBotPayload(payload);
      } catch (e) {
        msg = null;
      }
      if (!msg) return;
      disableChips();
      append(msg);
    }

    return {
      renderAll: renderAll,
      append: append,
      notice: notice,
      markSent: markSent,
      showReply: showReply,
    };
  }

  // ================================================================ panel

  /*
   * Panel. Owns the widget's DOM (a shadow root on #bpo-kpo-chat with widget.css), the
   * launcher, opening and closing, the keyboard, the message form and its counter, the status
   * line and the typing indicator. Builds its elements with the rendering helpers el/svg.
   * Handed: options.title, options.colors, options.cssUrl, options.onSend(text) (the form's
   * text, at most MAX_CHARS) and options.onRestart() (the restart button).
   * Gives the renderer its log element and scrollToEnd().
   */
  function createPanel(options) {
    var title = options.title;
    var isOpen = false;
    var revealed = false;
    var focusOnReveal = false;
    var typingHideTimer = null;

    var host = el("div", { id: HOST_ID });
    host.style.visibility = "hidden"; // until widget.css has loaded
    var shadow = host.attachShadow({ mode: "open" });

    var cssLink = el("link", { rel: "stylesheet", href: options.cssUrl });
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
      var value = options.colors[name];
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

    function iconButton(name, label, tip, icon) {
      return el("button", { type: "button", className: "icon-btn " + name, "aria-label": label, title: tip },
        [svg(icon)]);
    }
    var restartBtn = iconButton("restart", "Start a new conversation", "New conversation", ICON_RESTART);
    var closeBtn = iconButton("close", "Close the assistant", "Close", ICON_CLOSE);

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

    function scrollToEnd() {
      scroller.scrollTop = scroller.scrollHeight;
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

    /** A reply has come: hide the indicator a moment later, in case more replies follow. */
    function hideTypingSoon() {
      clearTimeout(typingHideTimer);
      if (!typing.hidden) typingHideTimer = setTimeout(hideTyping, TYPING_DEBOUNCE_MS);
    }

    function updateCounter() {
      var n = input.value.length;
      counter.textContent = n >= MAX_CHARS * 0.8 ? n + " / " + MAX_CHARS : "";
    }

    function autoGrow() {
      input.style.height = "auto";
      input.style.height = Math.min(input.scrollHeight, 140) + "px";
    }

    function focusInput() {
      input.focus();
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

    function togglePanel() {
      if (isOpen) closePanel();
      else openPanel();
    }

    /** Opened by the page, not the user: take focus only if nothing on the page has it. */
    function openForPage() {
      openPanel();
      var active = document.activeElement;
      focusOnReveal = !active || active === document.body || active === document.documentElement;
      if (revealed && focusOnReveal) input.focus();
    }

    // ---------------------------------------------------------------- events

    launcher.addEventListener("click", togglePanel);
    closeBtn.addEventListener("click", closePanel);
    root.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && isOpen) {
        event.preventDefault();
        event.stopPropagation();
        closePanel();
      }
    });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = input.value;
      if (!text.trim()) {
        input.focus();
        return;
      }
      options.onSend(text.slice(0, MAX_CHARS));
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

    restartBtn.addEventListener("click", function () { options.onRestart(); });

    return {
      log: log,
      scrollToEnd: scrollToEnd,
      /** Put the widget on the page (needs <body>). */
      mount: function () { document.body.appendChild(host); },
      open: openPanel,
      close: closePanel,
      toggle: togglePanel,
      openForPage: openForPage,
      focusInput: focusInput,
      setStatus: setStatus,
      showTyping: showTyping,
      hideTyping: hideTyping,
      hideTypingSoon: hideTypingSoon,
    };
  }

  // ================================================================ transport

  /*
   * Transport. Owns the socket.io connection (loading socket.io-client beside widget.js), the
   * session id and whether it is confirmed on this connection, this tab's id, sending (now, or
   * through the outbox until connected), receiving, and the wait for a reply (the typing
   * indicator and the no-reply notice).
   * Handed: options.serverUrl, options.socketIoUrl, options.storage (session, sender, queue,
   * takeOutbox) and options.view: append(msg), markSent(ids), showReply(payload), notice(text)
   * (the renderer) and setStatus(text), showTyping(), hideTyping(), hideTypingSoon() (the panel).
   */
  function createTransport(options) {
    var serverUrl = options.serverUrl;
    var storage = options.storage;
    var view = options.view;

    var tabId = randomId();
    var sessionId = storage.session() || null;
    var socket = null;
    var sessionReady = false; // session_confirm received on the current connection
    var noReplyTimer = null;

    function canSend() {
      return !!(socket && socket.connected && sessionReady && sessionId);
    }

    function awaitReply() {
      view.showTyping();
      clearTimeout(noReplyTimer);
      noReplyTimer = setTimeout(function () {
        view.hideTyping();
        view.notice(NO_REPLY_NOTICE);
      }, REPLY_TIMEOUT_MS);
    }

    function stopWaiting() {
      view.hideTyping();
      clearTimeout(noReplyTimer);
    }

    // ---------------------------------------------------------------- sending

    function emitUser(text) {
      socket.emit("user_uttered", { message: text, session_id: sessionId, structured: true });
      storage.setSender(tabId);
      awaitReply();
    }

    /** Show `shown` as the user's bubble and send `text` now, or once connected. */
    function send(text, shown) {
      text = String(text == null ? "" : text).trim();
      if (!text) return;
      var display = String(shown == null ? text : shown).trim() || text;
      var msg = { id: randomId(), from: "user", text: display };
      if (canSend()) {
        view.append(msg);
        emitUser(text);
      } else {
        msg.pending = true;
        view.append(msg);
        storage.queue({ id: msg.id, message: text });
      }
    }

    /** Send a rating of the answer `answerId`; `done(kept)` once the server says whether it kept it. */
    function rate(answerId, rating, done) {
      var answered = false;
      var timer = null;
      function finish(kept) {
        if (answered) return;
        answered = true;
        clearTimeout(timer);
        if (!kept) view.notice(RATING_NOT_KEPT);
        done(kept);
      }
      if (!canSend()) { // offline: said at once, not sent later behind the person's back
        finish(false);
        return;
      }
      timer = setTimeout(function () { finish(false); }, REPLY_TIMEOUT_MS);
      // the acknowledgement says whether it was kept; none within the reply timeout counts as not kept
      socket.emit("feedback", { session_id: sessionId, answer: answerId, rating: rating }, function (reply) {
        finish(!!(reply && reply.status === "ok"));
      });
    }

    function flushOutbox() {
      if (!canSend()) return;
      var outbox = storage.takeOutbox();
      if (!outbox.length) return;
      var sent = [];
      outbox.forEach(function (item) {
        if (!item || typeof item.message !== "string") return;
        socket.emit("user_uttered", { message: item.message, session_id: sessionId, structured: true });
        sent.push(item.id);
      });
      view.markSent(sent);
      storage.setSender(tabId);
      awaitReply();
    }

    // ---------------------------------------------------------------- receiving

    function onBotUttered(payload) {
      // With several tabs on one session, every tab gets the reply; the tab that
      // sent the last message records it, the others redraw from storage.
      var sender = storage.sender();
      if (sender && sender !== tabId) return;

      clearTimeout(noReplyTimer);
      view.hideTypingSoon();
      view.showReply(payload);
    }

    function onSessionConfirm(data) {
      var id = typeof data === "string" ? data : data && typeof data === "object" ? data.session_id : null;
      if (typeof id !== "string" || !id) return;
      sessionId = id;
      storage.setSession(id);
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
        view.setStatus("");
        sessionReady = false;
        socket.emit("session_request", { session_id: sessionId });
      });
      socket.on("session_confirm", onSessionConfirm);
      socket.on("bot_uttered", onBotUttered);
      socket.on("connect_error", function (error) {
        sessionReady = false;
        view.setStatus(error && error.message === REFUSED_ORIGIN ? STATUS_REFUSED : STATUS_OFFLINE);
      });
      socket.on("disconnect", function (reason) {
        sessionReady = false;
        stopWaiting();
        view.setStatus(STATUS_OFFLINE);
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
      s.src = options.socketIoUrl;
      s.async = true;
      s.onload = function () {
        if (hideAmd) window.define = define;
        var io = window.io;
        if (hadIo) window.io = previousIo;
        if (typeof io === "function") done(io);
        else view.setStatus(STATUS_NO_CLIENT);
      };
      s.onerror = function () {
        if (hideAmd) window.define = define;
        view.setStatus(STATUS_NO_CLIENT);
      };
      (document.head || document.documentElement).appendChild(s);
    }

    // ---------------------------------------------------------------- session

    /** Another tab changed the stored session id (null: removed it). */
    function adoptSession(id) {
      if (typeof id === "string" && id && id !== sessionId) {
        sessionId = id;
        if (socket && socket.connected) socket.emit("session_request", { session_id: id });
      } else if (!id) {
        sessionId = null;
      }
    }

    /** Restarting: drop the session and stop waiting for a reply. */
    function forgetSession() {
      sessionId = null;
      sessionReady = false;
      stopWaiting();
    }

    /** A fresh session id for the next message (no message is sent). */
    function requestNewSession() {
      if (socket && socket.connected) socket.emit("session_request", { session_id: null });
    }

    return {
      start: function () { loadSocketIo(connect); },
      send: send,
      rate: rate,
      adoptSession: adoptSession,
      forgetSession: forgetSession,
      requestNewSession: requestNewSession,
    };
  }

  // ================================================================ start

  /** Build and wire the parts now; put the widget on the page once <body> exists. */
  function start() {
    var settings = readSettings(window.BpoKpoChat, (thisScript && thisScript.src) || location.href);
    var storage = createStorage("bpo-kpo-chat:" + settings.serverUrl + ":");
    var panel = createPanel({
      title: settings.title,
      colors: settings.colors,
      cssUrl: settings.baseUrl + "widget.css",
      onSend: function (text) { transport.send(text); },
      onRestart: restart,
    });
    var renderer = createRenderer({
      log: panel.log,
      scrollToEnd: panel.scrollToEnd,
      greeting: settings.greeting,
      history: storage,
      onChoose: function (payload, title) { transport.send(payload, title); },
      onRate: function (msg, rating, done) { transport.rate(msg.rate, rating, done); },
    });
    var transport = createTransport({
      serverUrl: settings.serverUrl,
      socketIoUrl: settings.baseUrl + "socket.io.min.js",
      storage: storage,
      view: {
        append: renderer.append,
        markSent: renderer.markSent,
        showReply: renderer.showReply,
        notice: renderer.notice,
        setStatus: panel.setStatus,
        showTyping: panel.showTyping,
        hideTyping: panel.hideTyping,
        hideTypingSoon: panel.hideTypingSoon,
      },
    });
    storage.watchOtherTabs(renderer.renderAll, transport.adoptSession);

    function restart() {
      storage.clear();
      transport.forgetSession();
      renderer.renderAll();
      transport.requestNewSession();
      panel.focusInput();
    }

    function mount() {
      panel.mount();
      renderer.renderAll();
      if (settings.config.open) panel.openForPage();
      transport.start();
    }

    Object.assign(window.BpoKpoChatWidget, {
      open: panel.open,
      close: panel.close,
      toggle: panel.toggle,
      restart: restart,
    });

    if (document.body) mount();
    else document.addEventListener("DOMContentLoaded", mount);
  }

  start();
})();

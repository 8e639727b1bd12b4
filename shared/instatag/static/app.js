// InstaTag's page: one form that asks /tags and /captions together, and a trending panel.
//
// Plain JavaScript, no build step and no outside requests. Everything shown that came from the
// server is put on the page with textContent, never as HTML.
"use strict";

// Every server path the page uses (a test checks that each one exists on the server).
const API = {
  tags: "/tags",
  captions: "/captions",
  trending: "/trending",
  categories: "/trending/categories",
};

const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"];
const PHOTO_NAME = /\.(jpe?g|png|webp|heic|heif)$/i;
const TAG_LIMIT = 30;
const TRENDING_SHOWN = 15;
const TIERS = [
  { name: "popular", title: "Popular", hint: "Used a lot: wide reach, many competing posts." },
  { name: "medium", title: "Medium", hint: "A balance of reach and a chance to stand out." },
  { name: "niche", title: "Niche", hint: "Smaller, closer audiences that engage more." },
];
const PLATFORM_NAMES = { instagram: "Instagram", tiktok: "TikTok", x: "X", threads: "Threads" };
const TREND_MARKS = { rising: "▲", steady: "●", fading: "▼" };

const state = {
  photo: null, // the File to send, or null for the words-only flow
  previewUrl: null,
  busy: false,
  trendingRequest: 0, // answers to older trending requests are ignored
};

// ---------------------------------------------------------------------------------------------
// Small DOM helpers

const $ = (id) => document.getElementById(id);

/** How each caption source reads to a person. */
const CAPTION_SOURCES = {
  photo: "written for your photo",
  posts: "from a similar post",
};

/** Make an element: el("p", { className: "x" }, "text", child). Strings become text nodes. */
function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith("aria-") || key.startsWith("data-") || key === "role") {
      node.setAttribute(key, value);
    } else {
      node[key] = value;
    }
  }
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

/** Replace what the element with this id shows. */
function fill(id, ...nodes) {
  $(id).replaceChildren(...nodes);
}

function note(text) {
  return el("p", { className: "note" }, text);
}

function svgEl(tag, attributes = {}) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

function announce(message) {
  $("announcer").textContent = "";
  window.setTimeout(() => ($("announcer").textContent = message), 50);
}

// ---------------------------------------------------------------------------------------------
// Talking to the server: every failure becomes an ApiError with a message for a person.

class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

async function request(path, init = {}) {
  let response;
  try {
    const headers = { Accept: "application/json", ...init.headers };
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError("Could not reach the InstaTag server. Check that it is running.", "network");
  }

  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body && body.error;
    const fallback = `The server answered ${response.status} ${response.statusText}`.trim();
    throw new ApiError((error && error.message) || fallback, (error && error.code) || "http");
  }
  if (body === null) {
    throw new ApiError("The server sent an answer this page cannot read.", "unreadable");
  }
  return body;
}

function postJson(path, payload) {
  return request(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(payload),
  });
}

function postForm(path, fields) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== null && value !== undefined && value !== "") form.append(name, value);
  }
  return request(path, { method: "POST", body: form });
}

// ---------------------------------------------------------------------------------------------
// The photo: file picker, drag and drop, paste, preview

function isPhoto(file) {
  return PHOTO_TYPES.includes(file.type) || PHOTO_NAME.test(file.name);
}

function usePhoto(file) {
  if (!isPhoto(file)) {
    const name = `"${file.name}"`;
    showFormMessage(`${name} is not a photo this page can send: use JPEG, PNG, WebP or HEIC.`);
    if (!state.photo) $("photo").value = "";
    return;
  }
  showFormMessage("");
  forgetPreview();
  state.photo = file;
  state.previewUrl = URL.createObjectURL(file);

  const preview = $("preview");
  preview.hidden = false;
  preview.alt = `Preview of ${file.name}`;
  preview.src = state.previewUrl;
  $("preview-missing").hidden = true;
  $("dropzone").classList.add("has-photo");
  $("photo-name").textContent = `${file.name} (${formatBytes(file.size)})`;
  $("photo-details").hidden = false;
}

function clearPhoto() {
  forgetPreview();
  state.photo = null;
  $("photo").value = "";
  $("preview").hidden = true;
  $("preview").removeAttribute("src");
  $("preview-missing").hidden = true;
  $("dropzone").classList.remove("has-photo");
  $("photo-details").hidden = true;
  $("photo").focus();
}

function forgetPreview() {
  if (state.previewUrl) URL.revokeObjectURL(state.previewUrl);
  state.previewUrl = null;
}

function formatBytes(bytes) {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function setUpPhotoInput() {
  const input = $("photo");
  const zone = $("dropzone");

  input.addEventListener("change", () => {
    if (input.files.length) usePhoto(input.files[0]);
  });
  $("photo-clear").addEventListener("click", clearPhoto);

  // Browsers show HEIC only on some systems; say so instead of showing a broken image.
  $("preview").addEventListener("error", () => {
    if (!state.photo) return;
    $("preview").hidden = true;
    $("preview-missing").hidden = false;
  });

  // A photo dropped anywhere on the page is taken, so a near miss does not open the file.
  let dragDepth = 0;
  document.addEventListener("dragenter", (event) => {
    if (!carriesFiles(event)) return;
    dragDepth += 1;
    zone.classList.add("is-dragging");
  });
  document.addEventListener("dragleave", () => {
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) zone.classList.remove("is-dragging");
  });
  document.addEventListener("dragover", (event) => {
    if (carriesFiles(event)) event.preventDefault();
  });
  document.addEventListener("drop", (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    dragDepth = 0;
    zone.classList.remove("is-dragging");
    const file = event.dataTransfer.files[0];
    if (file) usePhoto(file);
  });

  document.addEventListener("paste", (event) => {
    const file = [...(event.clipboardData?.files || [])].find(isPhoto);
    if (file) usePhoto(file);
  });
}

function carriesFiles(event) {
  return [...(event.dataTransfer?.types || [])].includes("Files");
}

// ---------------------------------------------------------------------------------------------
// Suggest: /tags and /captions at the same time, each shown as soon as it answers

function readForm() {
  const form = $("compose");
  return {
    photo: state.photo,
    words: form.elements.text.value.trim(),
    platform: form.elements.platform.value,
    tone: form.elements.tone.value,
    withHashtags: form.elements.with_hashtags.checked,
  };
}

async function suggest(event) {
  event.preventDefault();
  if (state.busy) return;

  const input = readForm();
  if (!input.photo && !input.words) {
    showFormMessage("Add a photo or a few words first.");
    $("photo").focus();
    return;
  }
  showFormMessage("");
  setBusy(true);
  $("results-empty").hidden = true;
  $("model-version").textContent = "";

  const jobs = [showTags(input)];
  jobs.push(input.photo ? showCaptions(input) : Promise.resolve(showCaptionsNeedPhoto()));
  const outcomes = await Promise.all(jobs);

  setBusy(false);
  announce(outcomes.every(Boolean) ? "Suggestions ready." : "Some suggestions could not be made.");
}

function setBusy(busy) {
  state.busy = busy;
  $("suggest").disabled = busy;
  $("suggest").classList.toggle("is-busy", busy);
  $("suggest-label").textContent = busy ? "Suggesting…" : "Suggest";
  $("results").setAttribute("aria-busy", String(busy));
}

function showFormMessage(message) {
  $("form-message").textContent = message;
}

function askForTags(input) {
  if (input.photo) {
    return postForm(API.tags, {
      image: input.photo,
      text: input.words,
      platform: input.platform,
      limit: String(TAG_LIMIT),
    });
  }
  // Words only: "#brunch" in the words is a hashtag already in use, the rest is text.
  const hashtags = [...input.words.matchAll(/#([\p{L}\p{N}_]+)/gu)].map((match) => match[1]);
  const text = input.words.replace(/#[\p{L}\p{N}_]+/gu, " ").replace(/\s+/g, " ").trim();
  const body = { platform: input.platform, limit: TAG_LIMIT };
  if (text) body.text = text;
  if (hashtags.length) body.hashtags = hashtags;
  return postJson(API.tags, body);
}

function askForCaptions(input) {
  return postForm(API.captions, {
    image: input.photo,
    tone: input.tone,
    platform: input.platform,
    with_hashtags: String(input.withHashtags),
  });
}

/** Fill the tag cards; true when it worked. */
async function showTags(input) {
  $("copy-tags").hidden = true;
  $("recommended-title").textContent = "Recommended set";
  showLoading("recommended-body", input.photo ? "Looking at your photo…" : "Reading your words…");
  $("recommended-card").hidden = false;
  $("all-tags-card").hidden = true;
  $("concepts-card").hidden = true;

  try {
    const answer = await askForTags(input);
    renderTags(answer, input);
    return true;
  } catch (error) {
    showError("recommended-body", "Could not suggest hashtags", error);
    return false;
  }
}

/** Fill the captions card; true when it worked. */
async function showCaptions(input) {
  $("captions-card").hidden = false;
  showLoading("captions-body", "Writing captions…");
  try {
    renderCaptions(await askForCaptions(input));
    return true;
  } catch (error) {
    showError("captions-body", "Could not write captions", error);
    return false;
  }
}

function showCaptionsNeedPhoto() {
  $("captions-card").hidden = false;
  fill("captions-body", note("Captions are written from a photo: add one to get ideas."));
  return true;
}

function showLoading(bodyId, message) {
  const spinner = el("span", { className: "spinner", "aria-hidden": "true" });
  fill(bodyId, el("p", { className: "loading" }, spinner, message));
}

/** The server's own message, plainly, after a short title saying what failed. */
function showError(bodyId, title, error) {
  const heading = el("strong", {}, `${title}:`);
  const box = el("div", { className: "error", role: "alert", "data-code": error.code || "error" });
  box.append(heading, " ", error.message);
  fill(bodyId, box);
}

// ---------------------------------------------------------------------------------------------
// Rendering /tags

/** "#Food" and {tag: "food"} both become "food". */
function tagName(item) {
  const raw = typeof item === "string" ? item : item && (item.tag || item.name || "");
  return String(raw).replace(/^#+/, "");
}

/** The copy-ready text: the server's when it sent one, else the recommended tags joined. */
function copyText(answer, recommended) {
  for (const key of ["copy", "copy_text", "clipboard"]) {
    const text = typeof answer[key] === "string" ? answer[key].trim() : "";
    if (text.includes("#")) return text;
  }
  return recommended.map((tag) => `#${tag}`).join(" ");
}

function renderTags(answer, input) {
  const tags = Array.isArray(answer.tags) ? answer.tags : [];
  const fromServer = Array.isArray(answer.recommended) ? answer.recommended : [];
  const recommended = fromServer.map(tagName).filter(Boolean);
  const platform = answer.platform || input.platform;

  renderRecommended(recommended, copyText(answer, recommended), platform);
  renderTiers(tags, new Set(recommended.map((tag) => tag.toLowerCase())));
  renderConcepts(Array.isArray(answer.concepts) ? answer.concepts : [], Boolean(input.photo));
  if (answer.model_version) $("model-version").textContent = `Model ${answer.model_version}`;
}

function renderRecommended(recommended, text, platform) {
  const name = PLATFORM_NAMES[platform] || platform;
  $("recommended-title").textContent = `Recommended for ${name}`;
  if (!recommended.length) {
    fill("recommended-body", note("No hashtags fit this post. Try a few more words."));
    return;
  }

  const count = recommended.length === 1 ? "1 hashtag" : `${recommended.length} hashtags`;
  fill(
    "recommended-body",
    el("p", { className: "quiet" }, `${count}, a good number for ${name}.`),
    el("p", { id: "copy-tags-text", className: "copy-box" }, text),
  );
  const button = $("copy-tags");
  button.hidden = false;
  button.onclick = () => copy(text, button, $("copy-tags-text"));
}

function renderTiers(tags, recommended) {
  if (!tags.length) return;

  // A tier this page does not know still gets shown, under "Other".
  const known = TIERS.map((tier) => tier.name);
  const other = { name: "other", title: "Other", hint: "" };
  const groups = [...TIERS, other]
    .map((tier) => ({
      ...tier,
      tags: tags.filter((tag) => (known.includes(tag.tier) ? tag.tier : "other") === tier.name),
    }))
    .filter((tier) => tier.tags.length)
    .map((tier) => tierGroup(tier, recommended));

  fill("all-tags-body", ...groups);
  $("all-tags-card").hidden = false;
}

function tierGroup(tier, recommended) {
  const count = el("span", { className: "tier-count" }, ` ${tier.tags.length}`);
  const items = tier.tags.map((tag) => tagItem(tag, recommended));
  return el(
    "section",
    { className: `tier tier-${tier.name}`, "aria-label": `${tier.title} hashtags` },
    el("h4", {}, tier.title, count),
    tier.hint ? el("p", { className: "hint" }, tier.hint) : null,
    el("ul", { className: "tag-list" }, ...items),
  );
}

function tagItem(tag, recommended) {
  const name = tagName(tag);
  const reasons = Array.isArray(tag.reasons) ? tag.reasons.filter(Boolean).map(String) : [];
  const chosen = recommended.has(name.toLowerCase());
  return el(
    "li",
    { className: chosen ? "tag-item is-recommended" : "tag-item", title: reasons.join("\n") },
    el(
      "span",
      { className: "tag-line" },
      el("span", { className: "tag" }, `#${name}`),
      chosen
        ? el(
            "span",
            { className: "in-set", title: "In the recommended set" },
            el("span", { "aria-hidden": "true" }, "✓"),
            el("span", { className: "visually-hidden" }, "in the recommended set"),
          )
        : null,
    ),
    reasons.length ? el("span", { className: "reasons" }, reasons.join(" · ")) : null,
  );
}

function renderConcepts(concepts, fromPhoto) {
  const shown = concepts.filter((concept) => concept && (concept.label || concept.name));
  if (!shown.length) return;

  const title = fromPhoto ? "What the photo was seen as" : "What the words were read as";
  $("concepts-title").textContent = title;
  const chips = shown.map((concept) => {
    const score = Number(concept.score);
    const percent = score >= 0 && score <= 1 ? `${Math.round(score * 100)}%` : null;
    return el(
      "li",
      { className: "concept" },
      el("span", {}, concept.label || concept.name),
      percent ? el("span", { className: "concept-score" }, percent) : null,
    );
  });
  fill("concepts-body", el("ul", { className: "concept-list" }, ...chips));
  $("concepts-card").hidden = false;
}

// ---------------------------------------------------------------------------------------------
// Rendering /captions

function renderCaptions(answer) {
  const captions = (Array.isArray(answer.captions) ? answer.captions : [])
    .map((caption) => (typeof caption === "string" ? { text: caption } : caption))
    .filter((caption) => caption && caption.text);
  if (!captions.length) {
    fill("captions-body", note("No captions came back for this photo."));
    return;
  }
  fill("captions-body", el("ul", { className: "caption-list" }, ...captions.map(captionItem)));
}

function captionItem(caption) {
  const text = el("p", { className: "caption-text" }, caption.text);
  const button = el("button", { className: "copy-button", type: "button" }, "Copy");
  button.setAttribute("aria-label", `Copy caption: ${caption.text.slice(0, 60)}`);
  button.addEventListener("click", () => copy(caption.text, button, text));

  const badges = el("span", { className: "badges" });
  if (caption.tone) badges.append(el("span", { className: "badge" }, caption.tone));
  if (caption.source) {
    const origin = CAPTION_SOURCES[caption.source] ?? caption.source;
    badges.append(el("span", { className: "badge badge-quiet" }, origin));
  }
  const foot = el("div", { className: "caption-foot" }, badges, button);
  return el("li", { className: "caption" }, text, foot);
}

// ---------------------------------------------------------------------------------------------
// Copying: the clipboard API where allowed, the older copy command otherwise

async function copy(text, button, shownText) {
  const copied = (await writeClipboard(text)) || legacyCopy(text);
  if (copied) {
    flash(button, "Copied");
    announce("Copied to the clipboard.");
    return;
  }
  // Both ways refused: select the text so that the person can copy it by hand.
  const range = document.createRange();
  range.selectNodeContents(shownText);
  window.getSelection().removeAllRanges();
  window.getSelection().addRange(range);
  flash(button, "Press Ctrl+C");
  announce("Copying was blocked; the text is selected, press Control C or Command C.");
}

async function writeClipboard(text) {
  if (!navigator.clipboard || !window.isSecureContext) return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function legacyCopy(text) {
  const area = el("textarea", { value: text, readOnly: true, className: "clipboard-helper" });
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand("copy");
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

function flash(button, label) {
  const original = button.dataset.label || button.textContent;
  button.dataset.label = original;
  button.textContent = label;
  button.classList.add("is-done");
  window.clearTimeout(button.flashTimer);
  button.flashTimer = window.setTimeout(() => {
    button.textContent = original;
    button.classList.remove("is-done");
  }, 2000);
}

// ---------------------------------------------------------------------------------------------
// Trending: categories, then the top hashtags of the chosen one

/** Categories as [{name, tags}], whatever shape the list came in. */
function readCategories(answer) {
  let raw = Array.isArray(answer) ? answer : answer.categories || [];
  if (!Array.isArray(raw)) {
    raw = Object.entries(raw).map(([name, about]) => ({ category: name, ...about }));
  }
  return raw
    .map((item) =>
      typeof item === "string"
        ? { name: item }
        : { name: item.category || item.name || item.id, tags: item.tags },
    )
    .filter((category) => category.name);
}

function categoryLabel(category) {
  const name = category.name.charAt(0).toUpperCase() + category.name.slice(1);
  return category.tags === 0 ? `${name} (no posts yet)` : name;
}

async function loadCategories() {
  const select = $("category");
  select.disabled = true;
  showTrendingLoading("Loading categories…");

  let categories;
  try {
    categories = readCategories(await request(API.categories));
  } catch (error) {
    select.replaceChildren(el("option", {}, "Unavailable"));
    showTrendingError("Could not load trending", error);
    return;
  }
  if (!categories.length) {
    select.replaceChildren(el("option", {}, "None yet"));
    showTrendingNote("No categories yet: trending lists appear once posts are collected.");
    return;
  }

  const current = select.value;
  const options = categories.map((category) =>
    el("option", { value: category.name }, categoryLabel(category)),
  );
  select.replaceChildren(...options);
  const withPosts = categories.find((category) => category.tags !== 0) || categories[0];
  const keep = categories.some((category) => category.name === current);
  select.value = keep ? current : withPosts.name;
  select.disabled = false;
  await loadTrending(select.value);
}

async function loadTrending(category) {
  const ticket = ++state.trendingRequest;
  showTrendingLoading("Loading trending hashtags…");
  try {
    const answer = await request(`${API.trending}?category=${encodeURIComponent(category)}`);
    if (ticket === state.trendingRequest) renderTrending(answer);
  } catch (error) {
    if (ticket === state.trendingRequest) showTrendingError("Could not load this category", error);
  }
}

function showTrendingLoading(message) {
  $("trending").setAttribute("aria-busy", "true");
  $("trending-meta").textContent = "";
  showLoading("trending-body", message);
}

function showTrendingError(title, error) {
  $("trending").setAttribute("aria-busy", "false");
  showError("trending-body", title, error);
}

function showTrendingNote(text) {
  $("trending").setAttribute("aria-busy", "false");
  fill("trending-body", note(text));
}

function renderTrending(answer) {
  const tags = (Array.isArray(answer.tags) ? answer.tags : []).slice(0, TRENDING_SHOWN);
  if (tags.length) {
    $("trending").setAttribute("aria-busy", "false");
    const legend = el("p", { className: "legend", "aria-hidden": "true" }, ...trendLegend());
    fill("trending-body", el("ol", { className: "trend-list" }, ...tags.map(trendItem)), legend);
  } else {
    showTrendingNote("Nothing trending here yet.");
  }
  renderFreshness(answer);
}

function trendLegend() {
  return Object.entries(TREND_MARKS).map(([trend, mark]) => {
    const marker = el("span", { className: "trend-marker" }, mark);
    return el("span", { className: `trend-${trend}` }, marker, ` ${trend}`);
  });
}

function trendItem(item, index) {
  const trend = Object.hasOwn(TREND_MARKS, item.trend) ? item.trend : "steady";
  const count = Number(item.count);
  const counted = el("span", { className: "trend-count" });
  if (Number.isFinite(count)) {
    counted.textContent = compact(count);
    counted.title = `${count.toLocaleString()} posts`;
  }
  return el(
    "li",
    { className: `trend-item trend-${trend}` },
    el("span", { className: "trend-rank" }, String(index + 1)),
    el("span", { className: "tag trend-tag" }, `#${tagName(item)}`),
    el(
      "span",
      { className: "trend-marker", title: trend },
      el("span", { "aria-hidden": "true" }, TREND_MARKS[trend]),
      el("span", { className: "visually-hidden" }, trend),
    ),
    sparkline(Array.isArray(item.history) ? item.history.map(Number) : []),
    counted,
  );
}

/** A tiny line chart of recent daily counts, or an empty slot when there are too few. */
function sparkline(history) {
  const values = history.filter(Number.isFinite);
  const width = 56;
  const height = 20;
  const svg = svgEl("svg", {
    class: "sparkline",
    viewBox: `0 0 ${width} ${height}`,
    width: String(width),
    height: String(height),
    role: "img",
    "aria-label": `Posts per day: ${values.join(", ")}`,
  });
  if (values.length < 2) {
    svg.setAttribute("aria-hidden", "true");
    return svg;
  }

  const low = Math.min(...values);
  const span = Math.max(...values) - low || 1;
  const points = values.map((value, i) => {
    const x = 2 + (i * (width - 4)) / (values.length - 1);
    const y = height - 2 - ((value - low) / span) * (height - 4);
    return [x.toFixed(1), y.toFixed(1)];
  });
  svg.append(svgEl("polyline", { points: points.map((point) => point.join(",")).join(" ") }));
  const [lastX, lastY] = points[points.length - 1];
  svg.append(svgEl("circle", { cx: lastX, cy: lastY, r: "2" }));
  return svg;
}

function compact(number) {
  const options = { notation: "compact", maximumFractionDigits: 1 };
  return new Intl.NumberFormat(undefined, options).format(number);
}

/** "Updated 12 minutes ago · source: cache", quietly under the list. */
function renderFreshness(answer) {
  const parts = [];
  const when = parseTime(answer.updated_at);
  if (when) {
    const exact = { dateTime: when.toISOString(), title: when.toLocaleString() };
    parts.push("Updated ", el("time", exact, timeAgo(when)));
  }
  if (answer.source) parts.push(`${parts.length ? " · s" : "S"}ource: ${answer.source}`);
  fill("trending-meta", ...parts);
}

function parseTime(value) {
  if (value === null || value === undefined || value === "") return null;
  const stamp = typeof value === "number" && value < 1e12 ? value * 1000 : value;
  const date = new Date(stamp);
  return Number.isNaN(date.getTime()) ? null : date;
}

function timeAgo(date) {
  const seconds = Math.round((date.getTime() - Date.now()) / 1000);
  const units = [
    ["day", 86400],
    ["hour", 3600],
    ["minute", 60],
  ];
  const words = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return words.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

// ---------------------------------------------------------------------------------------------
// Start

function start() {
  setUpPhotoInput();
  $("compose").addEventListener("submit", suggest);
  $("category").addEventListener("change", (event) => loadTrending(event.target.value));
  $("trending-refresh").addEventListener("click", loadCategories);
  loadCategories();
}

start();

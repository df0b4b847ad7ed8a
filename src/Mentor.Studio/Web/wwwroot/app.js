// Mentor Studio's page: plain JavaScript, no build step, no external requests.
'use strict';

const PAGE = 40;            // thumbnails per class per "Show more"
const UPLOADS_AT_ONCE = 3;  // upload requests in flight
const BURST_FPS = 6;        // webcam frames per second while Record is held
const LIVE_TOP = 3;

const $ = (id) => document.getElementById(id);
const state = { version: -1, classes: [], shown: new Map(), report: null, reportRun: -1, stream: null, training: null, liveLoop: false };

// ---- API -------------------------------------------------------------------------------------------------------

async function api(method, url, body) {
  const init = { method, headers: {} };
  if (body instanceof Blob) init.body = body;
  else if (body !== undefined) { init.body = JSON.stringify(body); init.headers['Content-Type'] = 'application/json'; }
  const response = await fetch(url, init);
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new Error(data?.error?.message ?? `${method} ${url}: ${response.status}`);
  return data;
}

const q = (params) => new URLSearchParams(params).toString();
const thumbUrl = (cls, name) => `/api/thumb?${q({ class: cls, name })}`;

function say(text) { $('status').textContent = text; }

// ---- Classes and grids -----------------------------------------------------------------------------------------

async function loadProject() {
  const project = await api('GET', '/api/project');
  $('project-name').textContent = project.name;
  state.version = project.version;
  state.classes = project.classes;
  renderClasses();
  updateStatus(project);
  return project;
}

function renderClasses() {
  const container = $('classes');
  const names = state.classes.map((c) => c.name);
  for (const card of [...container.children]) if (!names.includes(card.dataset.name)) { cardsNearView.unobserve(card); card.remove(); }
  state.classes.forEach((cls, index) => {
    let card = container.querySelector(`[data-name="${CSS.escape(cls.name)}"]`);
    if (!card) card = newClassCard(cls.name);
    if (container.children[index] !== card) container.insertBefore(card, container.children[index] ?? null);
    card.querySelector('.count').textContent = `${cls.photos} photo${cls.photos === 1 ? '' : 's'}`;
    if (card.dataset.shown) loadGrid(card, cls.name, false); // on screen before: refresh it now
    else {
      reserveGridHeight(card, cls.photos);
      cardsNearView.observe(card);
    }
  });
  $('no-classes').hidden = state.classes.length > 0;
  fillMoveTargets();
}

function newClassCard(name) {
  const card = $('class-template').content.firstElementChild.cloneNode(true);
  card.dataset.name = name;
  card.querySelector('.class-name').textContent = name;
  card.setAttribute('aria-label', `Class ${name}`);
  const input = card.querySelector('.add-input');
  input.setAttribute('aria-label', `Add photos to ${name}`);
  input.addEventListener('change', () => { enqueueUploads(card.dataset.name, [...input.files]); input.value = ''; });
  card.querySelector('.rename').addEventListener('click', () => renameClass(card.dataset.name));
  card.querySelector('.delete').addEventListener('click', () => deleteClass(card.dataset.name));
  card.querySelector('.more').addEventListener('click', () => loadGrid(card, card.dataset.name, true));
  const record = card.querySelector('.record');
  record.disabled = !state.stream;
  bindHold(record, () => startBurst(card.dataset.name), stopBurst);
  for (const type of ['dragenter', 'dragover']) card.addEventListener(type, (e) => { e.preventDefault(); card.classList.add('dragging'); });
  card.addEventListener('dragleave', () => card.classList.remove('dragging'));
  card.addEventListener('drop', (e) => {
    e.preventDefault();
    card.classList.remove('dragging');
    enqueueUploads(card.dataset.name, [...e.dataTransfer.files]);
  });
  return card;
}

// A class's grid is listed the first time its card comes near the view: a project's first screen costs the
// classes on it, not all of them (ten classes of 300 photos: 3 listings instead of 10 before the page is usable).
const cardsNearView = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    cardsNearView.unobserve(entry.target);
    entry.target.dataset.shown = 'true';
    loadGrid(entry.target, entry.target.dataset.name, false);
  }
}, { rootMargin: '400px 0px' });

// Until its grid is listed, a card takes the height its first page of tiles will take (76 px tiles, 6 px gaps), so
// that only the cards that are really near the view count as near it.
function reserveGridHeight(card, photos) {
  const grid = card.querySelector('.grid');
  const perRow = Math.max(1, Math.floor((grid.clientWidth + 6) / 82));
  grid.style.minHeight = `${Math.ceil(Math.min(photos, PAGE) / perRow) * 82}px`;
}

// Shows the first page of a class's photos (or one more page); only requests what is not on screen yet.
async function loadGrid(card, name, more) {
  const grid = card.querySelector('.grid');
  const wanted = more ? grid.children.length + PAGE : Math.max(PAGE, Math.min(grid.children.length, PAGE * 4));
  const page = await api('GET', `/api/photos?${q({ class: name, offset: 0, limit: wanted, thumbs: true })}`).catch(() => null);
  if (!page || card.dataset.name !== name) return;
  const existing = new Map([...grid.children].map((li) => [li.dataset.photo, li]));
  page.photos.forEach((photo, i) => {
    let li = existing.get(photo);
    if (!li) li = photoTile(name, photo, () => openPhoto(name, photo), undefined, page.thumbs?.[photo]);
    existing.delete(photo);
    if (grid.children[i] !== li) grid.insertBefore(li, grid.children[i] ?? null);
  });
  for (const li of existing.values()) li.remove();
  grid.style.minHeight = '';
  const more_ = card.querySelector('.more');
  more_.hidden = page.total <= page.photos.length;
  more_.textContent = `Show more (${page.total - page.photos.length} more)`;
  card.querySelector('.drop-hint').hidden = page.total > 0;
}

// thumb: the thumbnail's base64 JPEG when the class's listing brought it (a grid of a large project then costs one
// request per class, not one per tile over the six connections a browser opens to one host); otherwise it is fetched.
function photoTile(cls, photo, onClick, caption, thumb) {
  const li = document.createElement('li');
  li.dataset.photo = photo;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'tile';
  button.title = caption ? `${photo}: ${caption}` : photo;
  const img = document.createElement('img');
  img.decoding = 'async';
  img.alt = caption ? `${photo} (${cls}): ${caption}` : `${photo} in ${cls}`;
  if (thumb) img.src = `data:image/jpeg;base64,${thumb}`;
  else {
    img.loading = 'lazy';
    img.src = thumbUrl(cls, photo);
  }
  img.width = img.height = 80;
  button.append(img);
  if (caption) {
    const span = document.createElement('span');
    span.className = 'caption';
    span.textContent = caption;
    button.append(span);
  }
  button.addEventListener('click', onClick);
  li.append(button);
  return li;
}

async function addClass(event) {
  event.preventDefault();
  const input = $('new-class');
  try {
    await api('POST', '/api/classes', { name: input.value.trim() });
    input.value = '';
    await loadProject();
  } catch (e) { say(e.message); }
}

async function renameClass(name) {
  const to = prompt(`Rename class "${name}" to:`, name);
  if (!to || to === name) return;
  try { await api('POST', '/api/classes/rename', { from: name, to }); await loadProject(); } catch (e) { say(e.message); }
}

async function deleteClass(name) {
  if (!confirm(`Delete class "${name}"? Its photos go to the project's trash folder.`)) return;
  try { await api('DELETE', `/api/classes?${q({ name })}`); await loadProject(); } catch (e) { say(e.message); }
}

// ---- The photo dialog: move or remove --------------------------------------------------------------------------

let dialogPhoto = null;

function fillMoveTargets() {
  const select = $('photo-dialog-move');
  select.replaceChildren(...state.classes.map((c) => new Option(c.name, c.name)));
}

function openPhoto(cls, photo) {
  dialogPhoto = { cls, photo };
  $('photo-dialog-title').textContent = `${photo} (${cls})`;
  const img = $('photo-dialog-image');
  img.src = `/api/photo?${q({ class: cls, name: photo })}`;
  img.alt = `${photo} in ${cls}`;
  fillMoveTargets();
  $('photo-dialog-move').value = cls;
  $('photo-dialog').showModal();
}

async function movePhoto(cls, photo, to) {
  await api('POST', '/api/photos/move', { class: cls, name: photo, to });
  say(`Moved ${photo} from ${cls} to ${to}.`);
  markStale();
  await loadProject();
}

// ---- Uploads ---------------------------------------------------------------------------------------------------

const uploads = { queue: [], running: 0, done: 0, total: 0, rejected: 0 };

function enqueueUploads(cls, files) {
  if (uploads.running === 0 && uploads.queue.length === 0) {
    Object.assign(uploads, { done: 0, total: 0, rejected: 0 });
    $('rejected').replaceChildren();
  }
  for (const file of files) uploads.queue.push({ cls, file, name: file.name });
  uploads.total += files.length;
  $('uploads').hidden = false;
  pumpUploads();
}

function pumpUploads() {
  while (uploads.running < UPLOADS_AT_ONCE && uploads.queue.length > 0) {
    const item = uploads.queue.shift();
    uploads.running++;
    api('POST', `/api/photos?${q({ class: item.cls, name: item.name })}`, item.file)
      .catch((e) => {
        uploads.rejected++;
        const li = document.createElement('li');
        li.textContent = `${item.name}: ${e.message}`;
        $('rejected').append(li);
      })
      .finally(() => {
        uploads.running--;
        uploads.done++;
        showUploads();
        if (uploads.queue.length === 0 && uploads.running === 0) { markStale(); loadProject(); }
        else if (uploads.done % 12 === 0) loadProject();
        pumpUploads();
      });
  }
  showUploads();
}

function showUploads() {
  $('upload-progress').max = Math.max(1, uploads.total);
  $('upload-progress').value = uploads.done;
  const rejected = uploads.rejected ? `, ${uploads.rejected} rejected` : '';
  $('upload-text').textContent = uploads.done < uploads.total
    ? `Uploading ${uploads.done} of ${uploads.total}${rejected}…`
    : `Uploaded ${uploads.total - uploads.rejected} of ${uploads.total}${rejected}.`;
}

// ---- Webcam: preview, hold-to-record bursts, live testing ------------------------------------------------------

async function toggleWebcam() {
  if (state.stream) {
    state.stream.getTracks().forEach((t) => t.stop());
    state.stream = null;
  } else {
    try { state.stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false }); }
    catch (e) { say(`Webcam unavailable: ${e.message}`); return; }
  }
  const video = $('webcam');
  video.srcObject = state.stream;
  video.hidden = !state.stream;
  $('webcam-toggle').textContent = state.stream ? 'Stop webcam' : 'Start webcam';
  $('webcam-toggle').setAttribute('aria-pressed', String(!!state.stream));
  for (const b of document.querySelectorAll('.record')) { b.disabled = !state.stream; b.title = state.stream ? 'Hold to take photos' : 'Start the webcam first'; }
  if (!state.stream) stopLive();
}

function grabFrame(quality = 0.85) {
  const video = $('webcam');
  if (!video.videoWidth) return Promise.resolve(null);
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d').drawImage(video, 0, 0);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
}

let burst = null;

function startBurst(cls) {
  if (!state.stream || burst) return;
  let n = 0;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  burst = setInterval(async () => {
    const blob = await grabFrame();
    if (blob) enqueueUploads(cls, [new File([blob], `webcam-${stamp}-${++n}.jpg`, { type: 'image/jpeg' })]);
  }, 1000 / BURST_FPS);
}

function stopBurst() { clearInterval(burst); burst = null; }

// Pointer held down (mouse, touch) or Space/Enter held on the focused button.
function bindHold(button, start, stop) {
  button.addEventListener('pointerdown', (e) => { e.preventDefault(); start(); });
  for (const type of ['pointerup', 'pointerleave', 'pointercancel', 'blur']) button.addEventListener(type, stop);
  button.addEventListener('keydown', (e) => { if ((e.key === ' ' || e.key === 'Enter') && !e.repeat) { e.preventDefault(); start(); } });
  button.addEventListener('keyup', (e) => { if (e.key === ' ' || e.key === 'Enter') stop(); });
}

async function predict(blob) {
  const started = performance.now();
  const result = await api('POST', `/api/predict?top=${LIVE_TOP}`, blob);
  showTop(result.top);
  $('live-text').textContent = `${Math.round(performance.now() - started)} ms per prediction`;
}

function showTop(top) {
  $('live-top').replaceChildren(...top.map((t) => {
    const li = document.createElement('li');
    const label = document.createElement('span');
    label.className = 'label';
    label.textContent = t.label;
    const bar = document.createElement('span');
    bar.className = 'bar';
    const fill = document.createElement('span');
    fill.style.width = `${(100 * t.probability).toFixed(1)}%`;
    bar.append(fill);
    const value = document.createElement('span');
    value.className = 'value';
    value.textContent = `${(100 * t.probability).toFixed(1)}%`;
    li.append(label, bar, value);
    return li;
  }));
}

async function testFile() {
  const file = $('live-file').files[0];
  if (!file) return;
  stopLive();
  const img = $('live-photo');
  img.src = URL.createObjectURL(file);
  img.hidden = false;
  try { await predict(file); } catch (e) { $('live-text').textContent = e.message; }
}

async function toggleLive() {
  if (state.liveLoop) { stopLive(); return; }
  if (!state.stream) await toggleWebcam();
  if (!state.stream) return;
  state.liveLoop = true;
  $('live-photo').hidden = true;
  $('live-webcam').textContent = 'Stop testing';
  $('live-webcam').setAttribute('aria-pressed', 'true');
  while (state.liveLoop) {
    const blob = await grabFrame(0.8);
    if (blob) { try { await predict(blob); } catch (e) { $('live-text').textContent = e.message; await sleep(1000); } }
    else await sleep(100);
  }
}

function stopLive() {
  state.liveLoop = false;
  $('live-webcam').textContent = 'Test with the webcam';
  $('live-webcam').setAttribute('aria-pressed', 'false');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- Training and its report -----------------------------------------------------------------------------------

async function train() {
  const fineTune = $('fine-tune').checked;
  try { await api('POST', `/api/train${fineTune ? '?fineTune=true' : ''}`); } catch (e) { $('train-text').textContent = e.message; }
}

async function cancelTraining() {
  try { await api('POST', '/api/train/cancel'); } catch (e) { $('train-text').textContent = e.message; }
}

// Fine-tuning's curve: held-back accuracy per epoch, drawn as an SVG line (axes labelled, the kept epoch ringed).
function drawCurve(epochs) {
  const svg = $('curve');
  $('curve-figure').hidden = epochs.length === 0;
  if (epochs.length === 0) return;
  const points = epochs.filter((e) => e.validationAccuracy != null);
  const [left, right, top, bottom] = [48, 410, 12, 140];
  const last = Math.max(2, epochs[epochs.length - 1].epoch);
  const low = Math.max(0, Math.floor(Math.min(...points.map((p) => p.validationAccuracy), 1) * 10 - 0.5) / 10);
  const x = (epoch) => left + ((epoch - 1) / (last - 1)) * (right - left);
  const y = (accuracy) => bottom - ((accuracy - low) / (1 - low)) * (bottom - top);
  const ns = 'http://www.w3.org/2000/svg';
  const el = (name, attributes, text) => {
    const node = document.createElementNS(ns, name);
    for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
    if (text != null) node.textContent = text;
    return node;
  };
  const parts = [el('line', { x1: left, y1: bottom, x2: right, y2: bottom, class: 'axis' }), el('line', { x1: left, y1: top, x2: left, y2: bottom, class: 'axis' })];
  for (const v of [low, (low + 1) / 2, 1]) parts.push(el('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end' }, `${Math.round(100 * v)}%`));
  parts.push(el('text', { x: left, y: bottom + 16, 'text-anchor': 'start' }, 'epoch 1'), el('text', { x: right, y: bottom + 16, 'text-anchor': 'end' }, `epoch ${last}`));
  parts.push(el('polyline', { points: points.map((p) => `${x(p.epoch)},${y(p.validationAccuracy)}`).join(' '), class: 'series' }));
  for (const p of points) {
    const dot = el('circle', { cx: x(p.epoch), cy: y(p.validationAccuracy), r: p.best ? 6 : 3.5, class: p.best ? 'best' : 'point' });
    dot.append(el('title', {}, `epoch ${p.epoch}: ${(100 * p.validationAccuracy).toFixed(1)}%, loss ${p.trainLoss.toFixed(3)}, ${p.seconds.toFixed(0)} s`));
    parts.push(dot);
  }
  svg.replaceChildren(...parts);
}

function showTraining(t) {
  const running = t.state === 'running';
  $('train-button').disabled = running;
  $('cancel-button').hidden = !running;
  $('train-progress').hidden = !running;
  drawCurve(t.fineTune ? t.epochs ?? [] : []); // a plain run hides the last fine-tune's curve
  if (running) {
    $('train-progress').max = Math.max(1, t.total);
    $('train-progress').value = t.done;
    const phase = {
      waiting: 'Waiting for the background work', features: 'Computing the photos\' features', train: 'Reading training photos', test: 'Reading held-out photos',
      fit: 'Fitting the head', save: 'Writing the model', report: 'Writing the report', load: 'Loading the model for live tests',
      'fine-tune': t.epochs?.length ? `Fine-tuning, epoch ${t.epochs.length + 1}` : 'Fine-tuning',
    }[t.phase] ?? t.phase;
    $('train-text').textContent = `${phase}${t.total ? ` (${t.done} of ${t.total})` : ''}… ${t.seconds.toFixed(1)} s`;
  } else if (t.state === 'done') $('train-text').textContent = `Trained in ${t.seconds.toFixed(1)} s.`;
  else if (t.state === 'failed') $('train-text').textContent = `Training failed: ${t.message}`;
  else if (t.state === 'cancelled') $('train-text').textContent = `Training ${t.message}.`;
  if (t.state === 'done' && t.run !== state.reportRun) { state.reportRun = t.run; loadReport(); }
}

async function loadReport() {
  const report = await api('GET', '/api/report').catch(() => null);
  if (!report) return;
  state.report = report;
  $('stale').hidden = true;
  $('understand').hidden = false;
  $('split').textContent = `Held out ${Math.round(100 * report.heldOutFraction)}% of each class (stratified, seed ${report.seed}): ` +
    `${report.heldOutPhotos} photos to measure on, ${report.trainPhotos} to train on; ${report.cacheHits} features came from the cache; head ${report.chosen} ` +
    (report.searched ? '(chosen by cross-validation).' : `(kept from the run that chose it on ${report.searchedOnPhotos} photos; it is searched again when the photo count moves by 10%).`) +
    (report.skipped.length ? ` Skipped: ${report.skipped.join('; ')}.` : '');
  $('accuracy').textContent = report.accuracy == null ? 'n/a (too few photos to hold any out)' : `${(100 * report.accuracy).toFixed(1)}%`;
  const pct = (x) => `${(100 * x).toFixed(0)}%`;
  $('per-class').tBodies[0].replaceChildren(...report.perClass.map((c) => row([c.label, pct(c.precision), pct(c.recall), String(c.support)], true)));
  renderConfusion(report);
  $('mistakes').replaceChildren(...report.mistakes.map((m) => mistakeTile(m)));
  $('no-mistakes').hidden = report.mistakes.length > 0;
  $('cell').hidden = true;
  loadSnippets();
}

function row(cells, header) {
  const tr = document.createElement('tr');
  cells.forEach((text, i) => {
    const cell = document.createElement(i === 0 && header ? 'th' : 'td');
    if (i === 0 && header) cell.scope = 'row';
    cell.textContent = text;
    tr.append(cell);
  });
  return tr;
}

function renderConfusion(report) {
  const table = $('confusion');
  const head = document.createElement('tr');
  head.append(document.createElement('td'), ...report.labels.map((l) => { const th = document.createElement('th'); th.scope = 'col'; th.textContent = l; return th; }));
  table.tHead.replaceChildren(head);
  const max = Math.max(1, ...report.confusion.flat());
  table.tBodies[0].replaceChildren(...report.confusion.map((counts, t) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = report.labels[t];
    tr.append(th);
    counts.forEach((n, p) => {
      const td = document.createElement('td');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = n;
      button.className = t === p ? 'hit' : n ? 'miss' : '';
      button.style.setProperty('--share', (n / max).toFixed(3));
      button.setAttribute('aria-label', `${n} ${report.labels[t]} photos predicted as ${report.labels[p]}`);
      button.disabled = n === 0;
      button.addEventListener('click', () => showCell(report.labels[t], report.labels[p]));
      td.append(button);
      tr.append(td);
    });
    return tr;
  }));
}

function showCell(truth, predicted) {
  const photos = state.report.heldOut.filter((h) => h.class === truth && h.predicted === predicted);
  $('cell-title').textContent = `${photos.length} ${truth} photo${photos.length === 1 ? '' : 's'} predicted as ${predicted}`;
  $('cell-photos').replaceChildren(...photos.map((h) => photoTile(h.class, h.name, () => openPhoto(h.class, h.name), `${(100 * h.confidence).toFixed(0)}%`)));
  $('cell').hidden = false;
}

function mistakeTile(m) {
  const li = photoTile(m.class, m.name, () => openPhoto(m.class, m.name), `filed as ${m.class}, looks like ${m.predicted} (${(100 * m.confidence).toFixed(0)}%)`);
  const form = document.createElement('div');
  form.className = 'relabel';
  const select = document.createElement('select');
  select.setAttribute('aria-label', `Relabel ${m.name}`);
  select.append(...state.classes.map((c) => new Option(c.name, c.name)));
  select.value = state.classes.some((c) => c.name === m.predicted) ? m.predicted : m.class;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'relabel-button';
  button.textContent = 'Relabel';
  button.addEventListener('click', async () => {
    if (select.value === m.class) return;
    try { await movePhoto(m.class, m.name, select.value); li.classList.add('done'); button.disabled = true; button.textContent = 'Relabelled'; }
    catch (e) { say(e.message); }
  });
  form.append(select, button);
  li.append(form);
  return li;
}

function markStale() { if (state.report) $('stale').hidden = false; }

// ---- Export -------------------------------------------------------------------------------------------------------

// The int8 model is quantised on request: fetched here so the page can say so while it is made, then saved as a file.
async function downloadInt8(event) {
  event.preventDefault();
  const link = $('download-int8');
  if (link.getAttribute('aria-busy') === 'true') return;
  link.setAttribute('aria-busy', 'true');
  $('int8-text').textContent = 'Quantising the model to int8 (calibrating on your training photos)…';
  try {
    const response = await fetch(link.href);
    if (!response.ok) throw new Error((await response.json().catch(() => null))?.error?.message ?? `HTTP ${response.status}`);
    const name = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'model-int8.onnx';
    const url = URL.createObjectURL(await response.blob());
    const save = document.createElement('a');
    save.href = url;
    save.download = name;
    save.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    $('int8-text').textContent = `Saved ${name}.`;
  } catch (error) {
    $('int8-text').textContent = `The int8 model could not be made: ${error.message}`;
  } finally {
    link.removeAttribute('aria-busy');
  }
}


async function loadSnippets() {
  const snippets = await api('GET', '/api/export/snippets').catch(() => null);
  if (!snippets) return;
  const names = { csharp: 'C# (Mentor)', python: 'Python (onnxruntime)', javascript: 'JavaScript (onnxruntime-node)' };
  $('snippets').replaceChildren(...Object.entries(snippets).map(([key, code]) => {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = names[key] ?? key;
    const pre = document.createElement('pre');
    pre.className = `snippet snippet-${key}`;
    pre.textContent = code;
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.textContent = 'Copy';
    copy.addEventListener('click', () => navigator.clipboard?.writeText(code).then(() => { copy.textContent = 'Copied'; }));
    details.append(summary, copy, pre);
    return details;
  }));
}

// ---- Live status (Server-Sent Events) --------------------------------------------------------------------------

function updateStatus(s) {
  const f = s.features;
  const features = f.queued > f.done ? `computing features in the background: ${f.done} of ${f.queued}` : 'features ready';
  const photos = state.classes.reduce((n, c) => n + c.photos, 0);
  say(`${state.classes.length} classes, ${photos} photos; ${features}.`);
  showTraining(s.training);
}

function listen() {
  const events = new EventSource('/api/events');
  events.onmessage = async (e) => {
    const s = JSON.parse(e.data);
    await state.firstLoad; // the page's own first load answers the first event: no second listing of every class
    if (s.version !== state.version) { state.version = s.version; loadProject(); } // another tab, or our own change
    else updateStatus(s);
  };
}

// ---- Start -----------------------------------------------------------------------------------------------------

function start() {
  $('add-class').addEventListener('submit', addClass);
  $('webcam-toggle').addEventListener('click', toggleWebcam);
  $('train-button').addEventListener('click', train);
  $('cancel-button').addEventListener('click', cancelTraining);
  $('download-int8').addEventListener('click', downloadInt8);
  $('live-file').addEventListener('change', testFile);
  $('live-webcam').addEventListener('click', toggleLive);
  $('photo-dialog-move-button').addEventListener('click', async () => {
    const to = $('photo-dialog-move').value;
    if (!dialogPhoto || to === dialogPhoto.cls) return;
    try { await movePhoto(dialogPhoto.cls, dialogPhoto.photo, to); $('photo-dialog').close(); } catch (e) { say(e.message); }
  });
  $('photo-dialog-remove').addEventListener('click', async () => {
    try {
      await api('DELETE', `/api/photos?${q({ class: dialogPhoto.cls, name: dialogPhoto.photo })}`);
      $('photo-dialog').close();
      markStale();
      await loadProject();
    } catch (e) { say(e.message); }
  });
  state.firstLoad = loadProject().then((project) => { if (project.trained) loadReport(); }).catch((e) => say(e.message));
  listen();
}

start();

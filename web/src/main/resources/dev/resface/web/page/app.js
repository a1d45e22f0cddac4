// The editing page: plain JS, no build step. It keeps the chosen photo (the File itself for an upload) and posts it
// again whenever a control changes, so the server never has to remember anything between requests.
'use strict';

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
// Long enough that dragging the slider sends one request per pause, not one per pixel.
const DEBOUNCE_MS = 300;

const state = {
  file: null,      // the uploaded File, kept to post again
  sample: '',      // or a sample id
  runs: new Map(), // id -> run, from GET /api/runs
  seq: 0,          // the newest request; answers to older ones are dropped
  inFlight: null,  // its AbortController
  timer: 0,
  originalUrl: null,
  downloadUrl: null,
};

async function errorOf(response) {
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string') {
      return body.error;
    }
  } catch (e) {
    // not JSON: fall through to the status
  }
  return 'the server answered ' + response.status;
}

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(await errorOf(response));
  }
  return response.json();
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = false;
}

function setStatus(text) {
  $('status').textContent = text;
}

// In the list's order, which is the order the server applies them in.
function chosenRuns() {
  return Array.from($('run').selectedOptions, (option) => option.value);
}

function describeRun() {
  $('run-info').textContent = chosenRuns().map((id) => state.runs.get(id))
    .map((run) => `${run.attribute}: ${run.method}, ${run.size}px, iteration ${run.iteration}`).join(', then ');
}

function setOriginal(url, revocable) {
  if (state.originalUrl) {
    URL.revokeObjectURL(state.originalUrl);
  }
  state.originalUrl = revocable ? url : null;
  $('original').src = url;
  $('boxes').replaceChildren();
  $('edited').removeAttribute('src');
  $('change').removeAttribute('src');
  $('download').hidden = true;
}

function drawBoxes(result) {
  const svg = $('boxes');
  svg.setAttribute('viewBox', `0 0 ${result.width} ${result.height}`);
  svg.replaceChildren(...result.faces.map((face) => {
    const rect = document.createElementNS(SVG, 'rect');
    for (const key of ['x', 'y', 'width', 'height']) {
      rect.setAttribute(key, face.box[key]);
    }
    return rect;
  }));
}

// A blob: URL rather than the data: URL itself, which browsers refuse to download past a few megabytes.
function blobOf(dataUrl) {
  const comma = dataUrl.indexOf(',');
  const type = dataUrl.slice(5, dataUrl.indexOf(';'));
  const bytes = atob(dataUrl.slice(comma + 1));
  const array = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    array[i] = bytes.charCodeAt(i);
  }
  return new Blob([array], { type });
}

function show(result, runs) {
  $('error').hidden = true;
  $('edited').src = result.edited;
  $('change').src = result.change;
  drawBoxes(result);
  if (state.downloadUrl) {
    URL.revokeObjectURL(state.downloadUrl);
  }
  state.downloadUrl = URL.createObjectURL(blobOf(result.edited));
  const link = $('download');
  link.href = state.downloadUrl;
  link.download = result.file;
  link.hidden = false;
  const faces = result.faces.length === 1 ? '1 face' : `${result.faces.length} faces`;
  const by = runs > 1 ? ` by ${runs} runs in turn` : '';
  setStatus(`${faces} edited${by}, ${result.width}x${result.height}, strength ${result.strength}`);
}

async function edit() {
  clearTimeout(state.timer);
  if (!state.file && !state.sample) {
    return;
  }
  const runs = chosenRuns();
  if (runs.length === 0) {
    // An edit still on its way would answer for runs no longer chosen, and hide this message.
    if (state.inFlight) {
      state.inFlight.abort();
    }
    state.seq++;
    setStatus('');
    showError(state.runs.size === 0 ? 'this server has no run to edit with' : 'choose a run to edit with');
    return;
  }
  const form = new FormData();
  if (state.file) {
    form.append('photo', state.file);
  } else {
    form.append('sample', state.sample);
  }
  for (const run of runs) {
    form.append('run', run);
  }
  form.append('direction', document.querySelector('input[name=direction]:checked').value);
  form.append('strength', $('strength').value);
  if (state.inFlight) {
    state.inFlight.abort();
  }
  const controller = new AbortController();
  state.inFlight = controller;
  const seq = ++state.seq;
  setStatus('editing...');
  try {
    const response = await fetch('/api/edit', { method: 'POST', body: form, signal: controller.signal });
    const answer = response.ok ? await response.json() : await errorOf(response);
    if (seq !== state.seq) {
      return;
    }
    setStatus('');
    if (response.ok) {
      show(answer, runs.length);
    } else {
      showError(answer);
    }
  } catch (e) {
    if (e.name !== 'AbortError' && seq === state.seq) {
      setStatus('');
      showError('the server cannot be reached (' + e.message + ')');
    }
  }
}

async function init() {
  $('controls').addEventListener('submit', (e) => e.preventDefault());
  $('photo').addEventListener('change', () => {
    const file = $('photo').files[0];
    if (!file) {
      return;
    }
    state.file = file;
    state.sample = '';
    $('sample').value = '';
    setOriginal(URL.createObjectURL(file), true);
    edit();
  });
  $('sample').addEventListener('change', () => {
    const id = $('sample').value;
    if (!id) {
      return;
    }
    state.sample = id;
    state.file = null;
    $('photo').value = '';
    setOriginal('/api/samples/' + encodeURIComponent(id), false);
    edit();
  });
  $('run').addEventListener('change', () => {
    describeRun();
    edit();
  });
  for (const radio of document.querySelectorAll('input[name=direction]')) {
    radio.addEventListener('change', edit);
  }
  $('strength').addEventListener('input', () => {
    $('strength-value').value = Number($('strength').value).toFixed(2);
    clearTimeout(state.timer);
    state.timer = setTimeout(edit, DEBOUNCE_MS);
  });
  try {
    const [runs, samples] = await Promise.all([getJson('/api/runs'), getJson('/api/samples')]);
    for (const run of runs) {
      state.runs.set(run.id, run);
      $('run').add(new Option(`${run.id} (${run.attribute})`, run.id));
    }
    if ($('run').options.length > 0) {
      $('run').options[0].selected = true;
    }
    for (const sample of samples) {
      $('sample').add(new Option(sample.name, sample.id));
    }
    describeRun();
  } catch (e) {
    showError('cannot load the runs and samples: ' + e.message);
  }
}

init();

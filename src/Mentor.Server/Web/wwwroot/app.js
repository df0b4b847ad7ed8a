// Mentor's page: sends each photo to POST /predict (raw body) and shows its top-5 labels as bars.
// Talks only to this server (the Content-Security-Policy forbids anything else).
"use strict";

const $ = (selector, root = document) => root.querySelector(selector);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};
const percent = (p) => (p * 100).toFixed(p >= 0.995 || p < 0.001 ? 0 : 1) + "%";
const METRIC_NAMES = { accuracy: "accuracy", balancedAccuracy: "balanced acc.", macroF1: "macro F1", top5Accuracy: "top-5 acc.", logLoss: "log loss", images: "images" };

async function loadModel() {
  const status = $("#status");
  try {
    const [model, health] = await Promise.all([fetch("/model").then(r => r.json()), fetch("/health").then(r => r.json())]);
    status.dataset.state = health.status === "ok" ? "ok" : "down";
    $("#status-text").textContent = health.status === "ok" ? `ready · ${model.file}` : health.status;
    renderModel(model);
  } catch (error) {
    status.dataset.state = "down";
    $("#status-text").textContent = "server unreachable";
  }
}

function renderModel(model) {
  const facts = $("#facts");
  const rows = [["file", model.file], ["backbone", model.backbone], ["head", model.head],
    ["input", `${model.input.size}px · ${model.input.resize}`], ["trained", model.created ? new Date(model.created).toLocaleDateString() : "?"],
    ["mentor", model.mentorVersion]];
  facts.replaceChildren(...rows.flatMap(([k, v]) => [el("dt", { textContent: k }), el("dd", { textContent: v ?? "?" })]));

  const splits = Object.entries(model.metrics ?? {}).filter(([, v]) => v && typeof v === "object");
  if (splits.length) {
    $("#metrics").replaceChildren(...splits.map(([split, values]) => el("div", {},
      el("div", { className: "split", textContent: split }),
      el("div", { className: "tiles" }, ...Object.entries(values).filter(([k, v]) => typeof v === "number" && k in METRIC_NAMES && k !== "images")
        .map(([k, v]) => el("div", { className: "tile" }, el("b", { textContent: k === "logLoss" ? v.toFixed(3) : percent(v) }), el("span", { textContent: METRIC_NAMES[k] }))))))
    );
  }
  $("#label-count").textContent = `(${model.labels.length})`;
  $("#labels").replaceChildren(...model.labels.map(l => el("li", { textContent: l })));
}

function addCard(file) {
  const card = $("#card").content.firstElementChild.cloneNode(true);
  const url = URL.createObjectURL(file);
  const img = $("img", card);
  img.src = url;
  img.alt = file.name;
  $(".name", card).textContent = file.name || "pasted image";
  $("#results").prepend(card);
  return card;
}

async function classify(file) {
  const card = addCard(file);
  const name = encodeURIComponent(file.name || "pasted image");
  try {
    const response = await fetch(`/predict?top=5&name=${name}`, { method: "POST", body: file, headers: { "Content-Type": file.type || "application/octet-stream" } });
    const answer = await response.json();
    if (!response.ok) throw new Error(answer.error?.message ?? `HTTP ${response.status}`);
    const prediction = answer.predictions[0];
    $(".top-label", card).textContent = prediction.top[0].label;
    $(".time", card).textContent = `${Math.round(answer.milliseconds)} ms`;
    $(".bars", card).replaceChildren(...prediction.top.map(s => {
      const fill = el("div", { className: "fill" });
      requestAnimationFrame(() => { fill.style.width = `${Math.max(0.5, s.probability * 100)}%`; });
      return el("li", {}, el("span", { className: "label", textContent: s.label, title: s.label }), el("div", { className: "track" }, fill), el("span", { className: "pct", textContent: percent(s.probability) }));
    }));
    card.dataset.state = "done";
  } catch (error) {
    $(".error", card).textContent = error.message;
    card.dataset.state = "error";
  }
}

function accept(files) {
  for (const file of files) classify(file);
}

function wire() {
  const drop = $("#drop");
  const input = $("#files");
  input.addEventListener("change", () => { accept([...input.files]); input.value = ""; });
  drop.addEventListener("keydown", e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); input.click(); } });
  for (const type of ["dragenter", "dragover"]) window.addEventListener(type, e => { e.preventDefault(); drop.classList.add("over"); });
  for (const type of ["dragleave", "drop"]) window.addEventListener(type, e => { e.preventDefault(); drop.classList.remove("over"); });
  window.addEventListener("drop", e => accept([...(e.dataTransfer?.files ?? [])].filter(f => f.type.startsWith("image/") || !f.type)));
  window.addEventListener("paste", e => accept([...(e.clipboardData?.files ?? [])]));
  loadModel();
}

wire();

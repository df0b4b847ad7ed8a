// Usage: node predict.mjs <model.onnx> <tensors.f32> <count>
// tensors.f32: <count> images, each float32 [3, size, size] RGB 0..255 (little-endian), as the model's metadata says.
// Prints a JSON object: the model's labels (from its metadata) and the top-1 label index of each image.
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';

const [modelPath, tensorPath, countText] = process.argv.slice(2);
const count = Number(countText);
const session = await ort.InferenceSession.create(modelPath);
const raw = readFileSync(tensorPath);
const data = new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
const size = Math.round(Math.sqrt(data.length / count / 3));
const feeds = { [session.inputNames[0]]: new ort.Tensor('float32', data, [count, 3, size, size]) };
const results = await session.run(feeds, ['probabilities']);
const probabilities = results.probabilities;
const classes = probabilities.dims[1];
const top1 = [];
for (let i = 0; i < count; i++) {
  const row = probabilities.data.subarray(i * classes, (i + 1) * classes);
  let best = 0;
  for (let c = 1; c < classes; c++) if (row[c] > row[best]) best = c;
  top1.push(best);
}
console.log(JSON.stringify({ inputNames: session.inputNames, outputNames: session.outputNames, top1 }));

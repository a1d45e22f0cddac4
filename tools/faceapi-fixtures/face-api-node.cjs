// What both fixture scripts need: face-api itself under Node (pure-JS TensorFlow.js), its weights from the installed
// package, and photos decoded by libjpeg's djpeg, which gives exactly the pixels Java's ImageIO gives.
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const pkg = path.resolve('assets/npm/node_modules/@vladmandic/face-api');
const faceapi = require(path.join(pkg, 'dist/face-api.node-wasm.js'));
const tf = faceapi.tf;

function weights(name) {
  const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'model', name + '-weights_manifest.json')));
  const all = Buffer.concat(manifest[0].paths.map((p) => fs.readFileSync(path.join(pkg, 'model', p))));
  return tf.io.decodeWeights(all.buffer.slice(all.byteOffset, all.byteOffset + all.length), manifest[0].weights);
}

/** The photo as an int32 [h, w, 3] tensor, decoded by djpeg (binary PPM). */
function decode(file) {
  const ppm = execFileSync('djpeg', ['-ppm', file], { maxBuffer: 1 << 26 });
  const header = ppm.subarray(0, 64).toString('latin1').match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
  const [w, h] = [Number(header[1]), Number(header[2])];
  return tf.tensor3d(Int32Array.from(ppm.subarray(header[0].length)), [h, w, 3], 'int32');
}

module.exports = { pkg, faceapi, tf, weights, decode };

// Times face-api's own SSD MobileNet v1 detector (detectAllFaces with its default options) under Node, on the photos
// that `resface bench --serve` edits: a one-face crop of sample1 (written by that benchmark's recipe, see
// ServeBenchmark) and sample1 itself. The baseline for resface's port of the same detector; nothing is written.
//
// Usage (from the repository root, after ./setup.sh; needs djpeg from Debian's libjpeg-turbo-progs):
//   npm install --prefix /tmp/tfjs @tensorflow/tfjs@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0
//   NODE_PATH=/tmp/tfjs/node_modules node tools/faceapi-fixtures/time-detector.cjs [one-face.jpg] [rounds]
const path = require('path');
const os = require('os');
const { pkg, faceapi, tf, weights, decode } = require('./face-api-node.cjs');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(image, rounds) {
  const options = new faceapi.SsdMobilenetv1Options();
  for (let i = 0; i < 3; i++) await faceapi.detectAllFaces(image, options);
  const ms = [];
  let faces = 0;
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    faces = (await faceapi.detectAllFaces(image, options)).length;
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { faces, median: median(ms), min: Math.min(...ms), max: Math.max(...ms) };
}

(async () => {
  const [oneFace, roundsArg] = process.argv.slice(2);
  const rounds = Number(roundsArg || 10);
  const photos = [path.join(pkg, 'demo', 'sample1.jpg')];
  if (oneFace) photos.unshift(path.resolve(oneFace));
  for (const backend of (process.env.BACKENDS || 'wasm,cpu').split(',')) {
    if (backend === 'wasm') {
      // the wasm binaries ship with tfjs-backend-wasm; two threads, as resface is given
      const wasm = require('@tensorflow/tfjs-backend-wasm');
      wasm.setWasmPaths(path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '/'));
      wasm.setThreadsCount(Math.min(2, os.cpus().length));
    }
    await tf.setBackend(backend);
    await tf.ready();
    await faceapi.nets.ssdMobilenetv1.loadFromWeightMap(weights('ssd_mobilenetv1_model'));
    for (const photo of photos) {
      const image = decode(photo);
      const t = await time(image, rounds);
      console.log(`face-api ${faceapi.version}, tfjs ${tf.version_core} ${backend}: ${path.basename(photo)} `
        + `${image.shape[1]}x${image.shape[0]}, ${t.faces} face(s): median ${t.median.toFixed(1)} ms `
        + `(min ${t.min.toFixed(1)}, max ${t.max.toFixed(1)}) over ${rounds}`);
      image.dispose();
    }
  }
})().catch((e) => { console.error(e); process.exit(1); });

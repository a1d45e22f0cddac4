// Runs @vladmandic/face-api's SSD MobileNet v1 face detector (pure-JS TensorFlow.js, cpu backend) with its default
// options on every demo photo of the package, and on one synthetic image, and writes what it returns: per image,
// each face's box in image pixels and its score, in face-api's order. No pixels are committed: the photos are
// decoded here with libjpeg's djpeg, which gives exactly the pixels Java's ImageIO gives, and the synthetic image is
// a formula that the Java test computes too.
//
// Usage (from the repository root, after ./setup.sh; needs djpeg from Debian's libjpeg-turbo-progs):
//   npm install --prefix /tmp/tfjs @tensorflow/tfjs@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0
//   NODE_PATH=/tmp/tfjs/node_modules node tools/faceapi-fixtures/make-detections.cjs
const fs = require('fs');
const path = require('path');
const { pkg, faceapi, tf, weights, decode } = require('./face-api-node.cjs');

const out = path.resolve('core/src/test/resources/faceapi/detections.json');

/** Likely faceless, so the empty result is covered; the Java test builds the same pixels. */
const SYNTHETIC = { name: 'synthetic-300x200', width: 300, height: 200 };

/** pixel(y, x, c) = (y*7 + x*13 + c*50) % 256 */
function synthetic({ width, height }) {
  const v = new Int32Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) v[(y * width + x) * 3 + c] = (y * 7 + x * 13 + c * 50) % 256;
    }
  }
  return tf.tensor3d(v, [height, width, 3], 'int32');
}

async function detect(image) {
  const found = await faceapi.detectAllFaces(image, new faceapi.SsdMobilenetv1Options());
  return found.map((d) => ({ box: [d.box.x, d.box.y, d.box.width, d.box.height], score: d.score }));
}

(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  await faceapi.nets.ssdMobilenetv1.loadFromWeightMap(weights('ssd_mobilenetv1_model'));
  const images = [];
  const photos = fs.readdirSync(path.join(pkg, 'demo')).filter((f) => f.endsWith('.jpg')).sort();
  for (const photo of photos) {
    const image = decode(path.join(pkg, 'demo', photo));
    images.push({ name: photo, width: image.shape[1], height: image.shape[0], faces: await detect(image) });
    image.dispose();
  }
  const image = synthetic(SYNTHETIC);
  images.push({ ...SYNTHETIC, faces: await detect(image) });
  image.dispose();
  const meta = { faceApi: faceapi.version, tfjs: tf.version_core, backend: tf.getBackend(), images };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(meta, null, 1) + '\n');
  for (const i of images) console.log(i.name, i.width + 'x' + i.height, i.faces.length, 'faces');
})().catch((e) => { console.error(e); process.exit(1); });

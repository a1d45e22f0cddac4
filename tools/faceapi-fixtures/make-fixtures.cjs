// Runs @vladmandic/face-api itself (pure-JS TensorFlow.js, cpu backend) on the package's demo photos and writes
// the fixture the Java ports are tested against: for each detected face, the 150x150 crop the recognition net
// consumes and the 112x112 crop the age/gender and expression nets consume (PNGs, so Java reads the very same
// pixels), with face-api's 128-D descriptor, age, gender softmax and seven expression probabilities of them.
//
// Usage (from the repository root, after ./setup.sh):
//   npm install --prefix /tmp/tfjs @tensorflow/tfjs@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0 jpeg-js@0.4.4 pngjs@7.0.0
//   NODE_PATH=/tmp/tfjs/node_modules node tools/faceapi-fixtures/make-fixtures.cjs
const fs = require('fs');
const path = require('path');
const jpeg = require('jpeg-js');
const { PNG } = require('pngjs');

const pkg = path.resolve('assets/npm/node_modules/@vladmandic/face-api');
const faceapi = require(path.join(pkg, 'dist/face-api.node-wasm.js'));
const tf = faceapi.tf;
const out = path.resolve('core/src/test/resources/faceapi');
const FACES_PER_PHOTO = 2;

function weights(name) {
  const manifest = JSON.parse(fs.readFileSync(path.join(pkg, 'model', name + '-weights_manifest.json')));
  const buffers = manifest[0].paths.map((p) => fs.readFileSync(path.join(pkg, 'model', p)));
  const all = Buffer.concat(buffers);
  return tf.io.decodeWeights(all.buffer.slice(all.byteOffset, all.byteOffset + all.length), manifest[0].weights);
}

function writePng(file, int32, size) {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i++) {
    png.data[4 * i] = int32[3 * i];
    png.data[4 * i + 1] = int32[3 * i + 1];
    png.data[4 * i + 2] = int32[3 * i + 2];
    png.data[4 * i + 3] = 255;
  }
  fs.writeFileSync(file, PNG.sync.write(png, { colorType: 2 }));
}

(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  await faceapi.nets.ssdMobilenetv1.loadFromWeightMap(weights('ssd_mobilenetv1_model'));
  await faceapi.nets.faceLandmark68Net.loadFromWeightMap(weights('face_landmark_68_model'));
  await faceapi.nets.faceRecognitionNet.loadFromWeightMap(weights('face_recognition_model'));
  await faceapi.nets.ageGenderNet.loadFromWeightMap(weights('age_gender_model'));
  await faceapi.nets.faceExpressionNet.loadFromWeightMap(weights('face_expression_model'));
  fs.mkdirSync(out, { recursive: true });
  const faces = [];
  for (const photo of ['sample1.jpg', 'sample2.jpg', 'sample3.jpg', 'sample4.jpg', 'sample5.jpg', 'sample6.jpg']) {
    const raw = jpeg.decode(fs.readFileSync(path.join(pkg, 'demo', photo)), { useTArray: true, formatAsRGBA: false });
    const image = tf.tensor3d(raw.data, [raw.height, raw.width, 3], 'int32');
    const found = await faceapi.detectAllFaces(image, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 }))
      .withFaceLandmarks();
    found.sort((a, b) => b.detection.score - a.detection.score);
    for (const [k, f] of found.slice(0, FACES_PER_PHOTO).entries()) {
      // face-api's own crop for the recognition net (the aligned box from the landmarks), then 150x150, rounded to
      // 8-bit pixels: on exactly 150x150 input face-api neither pads nor resizes, so the PNG is all the net sees
      const [crop] = await faceapi.extractFaceTensors(image, [f.alignedRect]);
      const sized = tf.tidy(() => tf.image.resizeBilinear(crop, [150, 150]).round().clipByValue(0, 255).toInt());
      const small = tf.tidy(() => tf.image.resizeBilinear(crop, [112, 112]).round().clipByValue(0, 255).toInt());
      const descriptor = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(sized);
      const ageGender = faceapi.nets.ageGenderNet.forwardInput(await faceapi.toNetInput(small));
      const expressions = faceapi.nets.faceExpressionNet.forwardInput(await faceapi.toNetInput(small));
      const stem = photo.replace('.jpg', '') + '-face' + k;
      writePng(path.join(out, stem + '.png'), await sized.data(), 150);
      writePng(path.join(out, stem + '-112.png'), await small.data(), 112);
      faces.push({
        image: stem + '.png',
        image112: stem + '-112.png',
        photo,
        descriptor: Array.from(descriptor),
        age: (await ageGender.age.data())[0],
        gender: Array.from(await ageGender.gender.data()),
        expressions: Array.from(await expressions.data()),
      });
      tf.dispose([crop, sized, small, ageGender.age, ageGender.gender, expressions]);
    }
    image.dispose();
  }
  const meta = { faceApi: faceapi.version, tfjs: tf.version_core, backend: tf.getBackend(), faces };
  fs.writeFileSync(path.join(out, 'descriptors.json'), JSON.stringify(meta, null, 1) + '\n');
  console.log('wrote', faces.length, 'faces to', out);
})().catch((e) => { console.error(e); process.exit(1); });

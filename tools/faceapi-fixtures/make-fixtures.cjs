// Runs @vladmandic/face-api itself (pure-JS TensorFlow.js, cpu backend) on the package's demo photos and writes the
// fixture the Java ports are tested against: for each detected face, its crop box in the photo and face-api's
// outputs for that crop (128-D descriptor, age, gender softmax, seven expression probabilities). No pixels are
// committed: the photos come with the npm package, and they are decoded here with libjpeg's djpeg, which gives
// exactly the pixels Java's ImageIO gives (checked on all six), so both sides start from identical crops.
//
// Usage (from the repository root, after ./setup.sh; needs djpeg from Debian's libjpeg-turbo-progs):
//   npm install --prefix /tmp/tfjs @tensorflow/tfjs@4.22.0 @tensorflow/tfjs-backend-wasm@4.22.0
//   NODE_PATH=/tmp/tfjs/node_modules node tools/faceapi-fixtures/make-fixtures.cjs
const fs = require('fs');
const path = require('path');
const { pkg, faceapi, tf, weights, decode } = require('./face-api-node.cjs');

const out = path.resolve('core/src/test/resources/faceapi/expected.json');
const FACES_PER_PHOTO = 2;

(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  await faceapi.nets.ssdMobilenetv1.loadFromWeightMap(weights('ssd_mobilenetv1_model'));
  await faceapi.nets.faceLandmark68Net.loadFromWeightMap(weights('face_landmark_68_model'));
  await faceapi.nets.faceRecognitionNet.loadFromWeightMap(weights('face_recognition_model'));
  await faceapi.nets.ageGenderNet.loadFromWeightMap(weights('age_gender_model'));
  await faceapi.nets.faceExpressionNet.loadFromWeightMap(weights('face_expression_model'));
  const faces = [];
  for (const photo of ['sample1.jpg', 'sample2.jpg', 'sample3.jpg', 'sample4.jpg', 'sample5.jpg', 'sample6.jpg']) {
    const image = decode(path.join(pkg, 'demo', photo));
    const [h, w] = image.shape;
    const found = await faceapi.detectAllFaces(image, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 }))
      .withFaceLandmarks();
    found.sort((a, b) => b.detection.score - a.detection.score);
    for (const f of found.slice(0, FACES_PER_PHOTO)) {
      // the box face-api crops for the recognition net (aligned from the landmarks), clipped and floored as it does
      const box = f.alignedRect.box.clipAtImageBorders(w, h);
      const [crop] = await faceapi.extractFaceTensors(image, [f.alignedRect]);
      const descriptor = await faceapi.nets.faceRecognitionNet.computeFaceDescriptor(crop);
      const ageGender = faceapi.nets.ageGenderNet.forwardInput(await faceapi.toNetInput(crop));
      const expressions = faceapi.nets.faceExpressionNet.forwardInput(await faceapi.toNetInput(crop));
      faces.push({
        photo,
        box: [box.x, box.y, box.width, box.height],
        descriptor: Array.from(descriptor),
        age: (await ageGender.age.data())[0],
        gender: Array.from(await ageGender.gender.data()),
        expressions: Array.from(await expressions.data()),
      });
      tf.dispose([crop, ageGender.age, ageGender.gender, expressions]);
    }
    image.dispose();
  }
  const meta = { faceApi: faceapi.version, tfjs: tf.version_core, backend: tf.getBackend(), faces };
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(meta, null, 1) + '\n');
  console.log('wrote', faces.length, 'faces to', out);
})().catch((e) => { console.error(e); process.exit(1); });

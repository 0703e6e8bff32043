import * as tf from '@tensorflow/tfjs-core';
import * as wasm from '@tensorflow/tfjs-backend-wasm';
import * as conv from '@tensorflow/tfjs-converter';
import sharp from 'sharp';
import {readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
const require = createRequire(import.meta.url);
wasm.setWasmPaths(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm')) + '/');
await tf.setBackend('wasm'); await tf.ready();
const dir = process.env.HUMAN_MODELS ?? 'scripts/research/smile-models/models';
const j = JSON.parse(readFileSync(`${dir}/emotion.json`, 'utf8'));
const buf = Buffer.concat(j.weightsManifest.flatMap((g: any) => g.paths.map((p: string) => readFileSync(`${dir}/${p}`))));
const model = await conv.loadGraphModel(tf.io.fromMemory({modelTopology: j.modelTopology, weightSpecs: j.weightsManifest.flatMap((g: any) => g.weights), weightData: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length)}));
const data = JSON.parse(readFileSync('scripts/research/smile-models/out/mesh.json', 'utf8'));
const LABELS = ['angry', 'disgust', 'fear', 'happy', 'sad', 'surprise', 'neutral'];
const scale = Number(process.env.S ?? 1.0);
for (const s of data) {
  const file = path.join(process.env.PHOTOS_DIR ?? '../shared/photos', s.file);
  const meta = await sharp(file).metadata();
  const xs = s.mesh.map((p: number[]) => p[0]), ys = s.mesh.map((p: number[]) => p[1]);
  // mesh is in analysis-image pixels; find analysis scale
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const side = Math.max(x1 - x0, y1 - y0) * scale; const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const k = s.imgScale ?? 1;
  const left = Math.max(0, Math.round((cx - side / 2) * k)), top = Math.max(0, Math.round((cy - side / 2) * k));
  const w = Math.min(meta.width! - left, Math.round(side * k)), h = Math.min(meta.height! - top, Math.round(side * k));
  const raw = await sharp(file).extract({left, top, width: w, height: h}).resize(64, 64, {fit: 'fill'}).removeAlpha().raw().toBuffer();
  const g = new Float32Array(64 * 64);
  for (let i = 0; i < g.length; i++) g[i] = ((raw[i * 3]! * 0.2989 + raw[i * 3 + 1]! * 0.587 + raw[i * 3 + 2]! * 0.114) / 255 - 0.5) * 2;
  const out = tf.tidy(() => model.execute(tf.tensor4d(g, [1, 64, 64, 1])) as tf.Tensor);
  const p = await out.data(); out.dispose();
  s.emo = Object.fromEntries(LABELS.map((l, i) => [l, p[i]]));
}
writeFileSync('scripts/research/smile-models/out/mesh-fer.json', JSON.stringify(data));
const sm = data.filter((s: any) => s.smiling), ne = data.filter((s: any) => !s.smiling);
for (const t of [0.05, 0.1, 0.2, 0.3, 0.5]) console.log(`emo happy > ${t}: smiles ${sm.filter((s: any) => s.emo.happy > t).length}/${sm.length}, neutral ${ne.filter((s: any) => s.emo.happy > t).length}/${ne.length}`);
console.log('misses of face-api at 0.005:', sm.filter((s: any) => s.happy <= 0.02).map((s: any) => `${s.file} fa=${s.happy.toFixed(3)} emo=${s.emo.happy.toFixed(3)}`).join('\n'));

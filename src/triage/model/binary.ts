/**
 * The model file in a compact binary form that needs no parsing: a short JSON header (heads'
 * labels and biases, calibration, thresholds, how it was trained), then the feature names as one
 * UTF-8 block sorted by bytes with their offsets, then the weights as int16, one step per head
 * (weight = stored × step; the issue's 20 MB budget was nearly spent by float32). A model loaded
 * from it is a set of views on one buffer — a SharedArrayBuffer when the triage pool shares one
 * copy with every thread — and a feature is found by binary search on its bytes, so no thread
 * builds a Map of a few hundred thousand strings (the JSON form cost about 40 MB per thread).
 *
 * Layout (little-endian): "TSNGLIN1" | u32 header length | header JSON | pad to 4 |
 * u32 offsets[n + 1] into the names block | names | pad to 4 | per head in header order:
 * i16 weights[n × labels], row by feature, pad to 4. (A file of the earlier float32 form is
 * refused with a message to retrain.)
 *
 * Why int16: a step of max|w| / 32767 changes a weight by at most 0.00015 × max|w|, far below
 * anything the thresholds can see, and halves the file and the memory it is shared from.
 */
import type { CompiledModel, Head, HeadName, LinearModel, ModelMeta } from './linear';

const MAGIC = 'TSNGLIN1';
const pad4 = (n: number) => (n + 3) & ~3;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface Header extends Omit<ModelMeta, 'heads'> {
  features: number;
  weightType?: 'i16';
  heads: Array<{ name: HeadName } & Omit<Head, 'weights'>>;
}

const I16_MAX = 32767;

/** The step of a head's int16 weights: its largest |weight| maps to ±32767. */
function stepOf(head: Head): number {
  let max = 0;
  for (const w of head.weights) if (Math.abs(w) > max) max = Math.abs(w);
  max *= head.step ?? 1;
  return max > 0 ? max / I16_MAX : 1;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

export function encodeModel(model: LinearModel): Buffer {
  const names = model.features.map((f, row) => ({ bytes: encoder.encode(f), row }));
  names.sort((x, y) => compareBytes(x.bytes, y.bytes));
  const headNames = Object.keys(model.heads) as HeadName[];
  const header: Header = {
    format: model.format,
    calibration: model.calibration,
    thresholds: model.thresholds,
    trainedOn: model.trainedOn,
    features: names.length,
    weightType: 'i16',
    heads: headNames.map((name) => ({ name, labels: model.heads[name].labels, kind: model.heads[name].kind, bias: model.heads[name].bias, step: stepOf(model.heads[name]) })),
  };
  const head = encoder.encode(JSON.stringify(header));
  const namesLength = names.reduce((s, x) => s + x.bytes.length, 0);
  const offsetsAt = pad4(12 + head.length);
  const namesAt = offsetsAt + 4 * (names.length + 1);
  let weightsAt = pad4(namesAt + namesLength);
  const total = weightsAt + headNames.reduce((s, h) => s + pad4(2 * names.length * model.heads[h].labels.length), 0);
  const out = Buffer.alloc(total);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(head.length, 8);
  out.set(head, 12);
  let at = namesAt;
  names.forEach((x, i) => {
    out.writeUInt32LE(at - namesAt, offsetsAt + 4 * i);
    out.set(x.bytes, at);
    at += x.bytes.length;
  });
  out.writeUInt32LE(at - namesAt, offsetsAt + 4 * names.length);
  header.heads.forEach(({ name, step }) => {
    const { weights, labels, step: given = 1 } = model.heads[name];
    const k = labels.length;
    const w = new Int16Array(out.buffer, out.byteOffset + weightsAt, names.length * k);
    names.forEach((x, i) => {
      for (let j = 0; j < k; j++) w[i * k + j] = Math.round((weights[x.row * k + j] * given) / step!);
    });
    weightsAt += pad4(2 * names.length * k);
  });
  return out;
}

/** Views on `bytes` (a file's Buffer, or a Uint8Array on a SharedArrayBuffer): nothing is copied. */
export function decodeModel(bytes: Uint8Array, version: string): CompiledModel {
  if (bytes.byteLength < 12 || decoder.decode(bytes.subarray(0, 8)) !== MAGIC) throw new Error('not a tsunagu triage model file');
  // typed views need 4-byte alignment (a small Buffer may sit anywhere in Node's pool)
  if (bytes.byteOffset % 4 !== 0) bytes = Uint8Array.from(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLength = view.getUint32(8, true);
  const header = JSON.parse(decoder.decode(bytes.subarray(12, 12 + headLength))) as Header;
  const n = header.features;
  const offsetsAt = pad4(12 + headLength);
  const offsets = new Uint32Array(bytes.buffer, bytes.byteOffset + offsetsAt, n + 1);
  const namesAt = offsetsAt + 4 * (n + 1);
  const names = bytes.subarray(namesAt, namesAt + offsets[n]);
  let weightsAt = pad4(namesAt + offsets[n]);
  const heads = {} as Record<HeadName, Head>;
  if (header.weightType !== 'i16') throw new Error('a triage model file of the earlier float32 form: run `npm run train:triage`');
  for (const h of header.heads) {
    const length = n * h.labels.length;
    if (weightsAt + 2 * length > bytes.byteLength) throw new Error(`model head ${h.name}: the file is too short`);
    heads[h.name] = { labels: h.labels, kind: h.kind, bias: h.bias, weights: new Int16Array(bytes.buffer, bytes.byteOffset + weightsAt, length), step: h.step };
    weightsAt += pad4(2 * length);
  }
  // a name's bytes compared where they lie (a subarray per step cost more than the search)
  const compareAt = (r: number, key: Uint8Array): number => {
    const from = offsets[r];
    const length = offsets[r + 1] - from;
    const n = Math.min(length, key.length);
    for (let i = 0; i < n; i++) {
      const d = names[from + i] - key[i];
      if (d !== 0) return d;
    }
    return length - key.length;
  };
  const scratch = new Uint8Array(1024);
  const row = (feature: string): number | undefined => {
    const { written } = encoder.encodeInto(feature, scratch);
    const key = written < scratch.length ? scratch.subarray(0, written) : encoder.encode(feature);
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareAt(mid, key);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  };
  const { features: _, heads: __, weightType: ___, ...meta } = header;
  return { model: { ...meta, heads }, row, feature: (r) => decoder.decode(names.subarray(offsets[r], offsets[r + 1])), size: n, version };
}

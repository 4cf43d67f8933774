/**
 * The kuromoji dictionary (IPADIC, about 100 MB unpacked) once per process instead of once per
 * triage thread: the pool's thread (./pool.ts) unpacks the files into SharedArrayBuffers, and each
 * triage thread builds its tokenizer on views of that memory (no copy). kuromoji also turns its
 * word-id map (tid_map) into a JS object per thread, tens of MB of heap; here it is two shared
 * integer arrays (start of each trie id's entries, the entries) read through a small proxy.
 *
 * It relies on kuromoji 0.1's internal modules (the package has no `exports` map); the test in
 * tests/unit/triage/shared-memory.test.ts checks that both tokenizers give the same tokens.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface SharedDictionary {
  /** Unpacked dictionary files by name (without tid_map.dat.gz). */
  files: Record<string, SharedArrayBuffer>;
  /** Int32: entries of trie id k are values[starts[k] .. starts[k + 1]). */
  targetStarts: SharedArrayBuffer;
  targetValues: SharedArrayBuffer;
}

export const DICTIONARY_DIR = path.join(path.dirname(require.resolve('kuromoji/package.json')), 'dict');
const FILES = ['base.dat.gz', 'check.dat.gz', 'tid.dat.gz', 'tid_pos.dat.gz', 'cc.dat.gz', 'unk.dat.gz', 'unk_pos.dat.gz', 'unk_map.dat.gz', 'unk_char.dat.gz', 'unk_compat.dat.gz', 'unk_invoke.dat.gz'];

function shared(bytes: Uint8Array): SharedArrayBuffer {
  const sab = new SharedArrayBuffer(bytes.byteLength);
  new Uint8Array(sab).set(bytes.subarray(0, usedLength(bytes)));
  return sab;
}

/**
 * Up to the last non-zero byte. kuromoji wrote its files at buffer sizes rounded up (tid_pos.dat:
 * 36 of 42 MB used, unk.dat: 398 bytes of 10 MB); new shared memory is zero already, and pages
 * never written stay out of the resident set: about 35 MB less per process, the same bytes read.
 */
function usedLength(bytes: Uint8Array): number {
  let end = bytes.byteLength;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return end;
}

/** tid_map.dat as kuromoji writes it: int32 LE key count, then (key, n, n values)… up to zero padding. */
function targetMap(bytes: Uint8Array): Pick<SharedDictionary, 'targetStarts' | 'targetValues'> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // passes over the records instead of a list of them (a few hundred thousand small arrays)
  const each = (visit: (key: number, valuesAt: number, n: number) => void) => {
    for (let at = 4; at + 8 <= bytes.byteLength; ) {
      const n = view.getInt32(at + 4, true);
      if (n > 0) visit(view.getInt32(at, true), at + 8, n);
      at += 8 + 4 * Math.max(0, n);
    }
  };
  let maxKey = 0;
  let total = 0;
  each((key, _, n) => {
    maxKey = Math.max(maxKey, key);
    total += n;
  });
  const startsSab = new SharedArrayBuffer(4 * (maxKey + 2));
  const valuesSab = new SharedArrayBuffer(4 * total);
  const starts = new Int32Array(startsSab);
  each((key, _, n) => {
    starts[key + 1] += n;
  });
  for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
  const fill = Int32Array.from(starts);
  const values = new Int32Array(valuesSab);
  each((key, from, n) => {
    for (let i = 0; i < n; i++) values[fill[key]++] = view.getInt32(from + 4 * i, true);
  });
  return { targetStarts: startsSab, targetValues: valuesSab };
}

/**
 * Above glibc's largest dynamic mmap threshold (32 MiB on 64-bit): a buffer this large is always
 * a mapping of its own, which goes back to the system when freed, and only the pages written
 * become resident. Smaller temporaries, freed, raise glibc's threshold and stay in its heap.
 */
const MMAPPED_SIZE = 33 * 1024 * 1024;

/**
 * Unpacks the dictionary into shared memory (about 0.5 s; once per process). Each file is read
 * into one scratch buffer and unpacked by zlib into an output buffer of at least MMAPPED_SIZE, so
 * no temporary stays resident: with temporaries of the files' own sizes about 30 MiB stayed in
 * glibc's heap for the life of the process (with zlib's default 16 KB pieces, about 60 MB).
 */
export function loadSharedDictionary(dir = DICTIONARY_DIR): SharedDictionary {
  const scratch = Buffer.allocUnsafeSlow(MMAPPED_SIZE);
  const unpack = (name: string): Buffer => {
    const fd = fs.openSync(path.join(dir, name), 'r');
    let packedSize: number;
    try {
      packedSize = fs.fstatSync(fd).size;
      if (packedSize > scratch.byteLength) throw new Error(`${name}: larger than the scratch buffer`);
      fs.readSync(fd, scratch, 0, packedSize, 0);
    } finally {
      fs.closeSync(fd);
    }
    const packed = scratch.subarray(0, packedSize);
    // the unpacked size is in the gzip trailer: one output buffer, no pieces to join
    return zlib.gunzipSync(packed, { chunkSize: Math.max(MMAPPED_SIZE, packed.readUInt32LE(packedSize - 4) + 1) });
  };
  const files = Object.fromEntries(FILES.map((f) => [f, shared(unpack(f))]));
  return { files, ...targetMap(unpack('tid_map.dat.gz')) };
}

/* eslint-disable @typescript-eslint/no-require-imports -- kuromoji's internal CommonJS modules */
const DynamicDictionaries = require('kuromoji/src/dict/DynamicDictionaries');
const KuromojiTokenizer = require('kuromoji/src/Tokenizer');

/** A kuromoji tokenizer on the shared dictionary: the same tokens as kuromoji.builder's. */
export function kuromojiOnShared(d: SharedDictionary): unknown {
  const f = d.files;
  const dic = new DynamicDictionaries();
  dic.loadTrie(new Int32Array(f['base.dat.gz']), new Int32Array(f['check.dat.gz']));
  dic.token_info_dictionary.loadDictionary(new Uint8Array(f['tid.dat.gz']));
  dic.token_info_dictionary.loadPosVector(new Uint8Array(f['tid_pos.dat.gz']));
  const starts = new Int32Array(d.targetStarts);
  const values = new Int32Array(d.targetValues);
  // kuromoji reads target_map[trieId] as an array of token ids (undefined when there are none)
  dic.token_info_dictionary.target_map = new Proxy(
    {},
    {
      get(_, key) {
        const k = Number(key);
        if (!(k >= 0 && k + 1 < starts.length) || starts[k] === starts[k + 1]) return undefined;
        return values.subarray(starts[k], starts[k + 1]);
      },
    },
  );
  dic.loadConnectionCosts(new Int16Array(f['cc.dat.gz']));
  dic.loadUnknownDictionaries(
    new Uint8Array(f['unk.dat.gz']),
    new Uint8Array(f['unk_pos.dat.gz']),
    new Uint8Array(f['unk_map.dat.gz']),
    new Uint8Array(f['unk_char.dat.gz']),
    new Uint32Array(f['unk_compat.dat.gz']),
    new Uint8Array(f['unk_invoke.dat.gz']),
  );
  return new KuromojiTokenizer(dic);
}

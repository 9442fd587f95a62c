/**
 * @module data-files
 * The files of a generation, each written durably and recorded in the
 * manifest with its size and CRC-32, so that truncation or corruption is
 * caught and named before anything is served from it. CRC-32 rather than a
 * cryptographic hash: it catches the same accidents (torn writes, bit rot,
 * a file swapped by hand) at several times the speed, and the threat it does
 * not cover, someone writing to the index folder, no checksum in that folder
 * would cover either.
 */
import { open, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { crc32 } from "node:zlib";
import { IndexUnusableError } from "../errors.js";
import type { IndexManifest } from "./manifest.js";

export type DataFileRecord = IndexManifest["dataFiles"][string];

// Bytes checksummed between yields to the event loop (~4 ms each).
const SLICE = 16 << 20;

export async function writeDurably(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(file, "w");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Size and CRC-32 of bytes in memory, yielding to the event loop between slices. */
export async function recordOf(data: Uint8Array): Promise<DataFileRecord> {
  let crc = 0;
  for (let start = 0; start < data.length; start += SLICE) {
    crc = crc32(data.subarray(start, start + SLICE), crc);
    if (start + SLICE < data.length) await yieldToEventLoop();
  }
  return { size: data.length, crc32: crc };
}

/** Size and CRC-32 of a file, read slice by slice (the vector file is hundreds of MB). */
export async function describeFile(file: string): Promise<DataFileRecord> {
  const handle = await open(file, "r");
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.allocUnsafe(Math.min(SLICE, Math.max(1, size)));
    let crc = 0;
    for (let position = 0; position < size; ) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      crc = crc32(buffer.subarray(0, bytesRead), crc);
      position += bytesRead;
    }
    return { size, crc32: crc };
  } finally {
    await handle.close();
  }
}

/** Checks one data file against the manifest without holding it in memory. */
export async function checkDataFile(dir: string, name: string, manifest: IndexManifest): Promise<void> {
  const file = path.join(dir, name);
  const actual = await describeFile(file).catch((cause) => {
    throw new IndexUnusableError(`index file ${file} cannot be read`, file, { cause });
  });
  compareWithManifest(file, actual, expectedRecord(file, name, manifest));
}

/** Checks only that data files (default: all) exist with the sizes the manifest gives: truncation, not bit rot. */
export async function checkDataFileSizes(dir: string, manifest: IndexManifest, names = Object.keys(manifest.dataFiles)): Promise<void> {
  for (const name of names) {
    const file = path.join(dir, name);
    const expected = expectedRecord(file, name, manifest);
    const { size } = await stat(file).catch((cause) => {
      throw new IndexUnusableError(`index file ${file} cannot be read`, file, { cause });
    });
    if (size !== expected.size) throw truncated(file, size, expected.size);
  }
}

/** Reads one data file, checked against the manifest: each file is read once, for its checksum and its contents. */
export async function readDataFile(dir: string, name: string, manifest: IndexManifest): Promise<Buffer> {
  const file = path.join(dir, name);
  const data = await readFile(file).catch((cause) => {
    throw new IndexUnusableError(`index file ${file} cannot be read`, file, { cause });
  });
  compareWithManifest(file, await recordOf(data), expectedRecord(file, name, manifest));
  return data;
}

function expectedRecord(file: string, name: string, manifest: IndexManifest): DataFileRecord {
  const expected = manifest.dataFiles[name];
  if (!expected) throw new IndexUnusableError(`index file ${file} is not listed in the manifest`, file);
  return expected;
}

function compareWithManifest(file: string, actual: DataFileRecord, expected: DataFileRecord): void {
  if (actual.size !== expected.size) throw truncated(file, actual.size, expected.size);
  if (actual.crc32 !== expected.crc32) throw new IndexUnusableError(`index file ${file} is corrupt (checksum mismatch)`, file);
}

function truncated(file: string, size: number, expected: number): IndexUnusableError {
  return new IndexUnusableError(`index file ${file} is ${size} bytes, the manifest says ${expected} (truncated?)`, file);
}

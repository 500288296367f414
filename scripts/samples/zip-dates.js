"use strict";
// The zip writer stamps every entry with the current time; a fixed stamp makes rebuilt samples byte-identical.

const { Buffer } = require("node:buffer");

const END_OF_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/**
 * Rewrites the modification time of every entry (central directory and local headers) of a zip buffer to
 * midnight of the given day. Entries are found through the central directory, so compressed data is never
 * mistaken for a header; only fixed-offset time fields change, so sizes, CRCs and offsets stay valid.
 * @param {Buffer} zip
 * @param {{ year: number, month: number, day: number }} when
 */
function fixZipDates(zip, when) {
  const out = Buffer.from(zip);
  const dosTime = 0;
  const dosDate = ((when.year - 1980) << 9) | (when.month << 5) | when.day;
  let end = -1;
  for (let i = out.length - 22; i >= 0; i -= 1) {
    if (out.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("not a zip: no end-of-directory record");
  const entries = out.readUInt16LE(end + 10);
  let at = out.readUInt32LE(end + 16);
  for (let n = 0; n < entries; n += 1) {
    if (out.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error(`bad central directory entry at ${at}`);
    out.writeUInt16LE(dosTime, at + 12);
    out.writeUInt16LE(dosDate, at + 14);
    const local = out.readUInt32LE(at + 42);
    if (out.readUInt32LE(local) !== LOCAL_HEADER) throw new Error(`bad local header at ${local}`);
    out.writeUInt16LE(dosTime, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    at += 46 + out.readUInt16LE(at + 28) + out.readUInt16LE(at + 30) + out.readUInt16LE(at + 32);
  }
  return out;
}

module.exports = { fixZipDates };

// A small ZIP writer (PKWARE APPNOTE 6.3: local headers, central directory, end record; deflate from
// node:zlib, CRC-32 from zlib.crc32), enough for a WordPress plugin archive: files and folders, UTF-8
// names, Unix permissions, one fixed date so the same files always make the same archive. No ZIP64:
// it refuses archives over 4 GB or 65,535 entries. Why not a package: docs/decisions/wordpress-plugin-zip.md.
import { crc32, deflateRawSync } from 'node:zlib';

/** 1980-01-01 00:00, the first date DOS time can say: the archive does not depend on when it was built. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 1 << 11;
/** "Made by" Unix (3), version 2.0; "needed to extract" 2.0 (deflate). */
const MADE_BY = (3 << 8) | 20;
const NEEDED = 20;

/**
 * The bytes of a ZIP archive.
 * @param {Array<{ name: string, data?: Buffer | string }>} entries in order; a name ending in `/` is a
 *   folder (no data). Names use `/` and never start with it.
 * @returns {Buffer}
 */
export function zip(entries) {
  if (entries.length > 0xffff) throw new Error(`zip: ${entries.length} entries, more than a ZIP without ZIP64 holds`);
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    if (!entry.name || entry.name.startsWith('/') || entry.name.includes('\\') || entry.name.split('/').includes('..')) {
      throw new Error(`zip: invalid entry name "${entry.name}"`);
    }
    const folder = entry.name.endsWith('/');
    const raw = folder ? Buffer.alloc(0) : Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data ?? '', 'utf8');
    const deflated = raw.length ? deflateRawSync(raw, { level: 9 }) : raw;
    // Stored when deflating does not make it smaller (an empty file, a tiny one).
    const method = deflated.length < raw.length ? 8 : 0;
    const body = method === 8 ? deflated : raw;
    const crc = crc32(raw);
    const mode = folder ? 0o40755 : 0o100644;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(NEEDED, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(MADE_BY, 4);
    central.writeUInt16LE(NEEDED, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    // extra field, comment, disk number start, internal attributes: 0
    central.writeUInt32LE(((mode << 16) | (folder ? 0x10 : 0)) >>> 0, 38);
    central.writeUInt32LE(offset, 42);

    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
    if (offset > 0xffffffff) throw new Error('zip: more than 4 GB, which a ZIP without ZIP64 cannot hold');
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

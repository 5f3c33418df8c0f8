import { crc32, deflateRawSync } from "node:zlib";

/**
 * A minimal ZIP writer (PKWARE APPNOTE 4.3: local headers, central directory, end record), enough for a Teams app
 * package of three files without a dependency. Entries are deflated unless that does not make them smaller; every
 * timestamp is 1980-01-01 so the same inputs give the same bytes.
 */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const VERSION = 20;

interface EntryFields {
  method: number;
  crc: number;
  compressed: number;
  size: number;
}

/**
 * The run of fields the local header and the central directory record share, in the same order (flags, method,
 * time, date, CRC, sizes, name length); only where it starts differs (6 and 8).
 */
function writeEntryFields(header: Buffer, at: number, fields: EntryFields, nameLength: number): void {
  header.writeUInt16LE(0x0800, at); // names are UTF-8
  header.writeUInt16LE(fields.method, at + 2);
  header.writeUInt16LE(0, at + 4);
  header.writeUInt16LE(DOS_DATE_1980_01_01, at + 6);
  header.writeUInt32LE(fields.crc, at + 8);
  header.writeUInt32LE(fields.compressed, at + 12);
  header.writeUInt32LE(fields.size, at + 16);
  header.writeUInt16LE(nameLength, at + 20);
}

export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const deflated = deflateRawSync(entry.data, { level: 9 });
    const stored = deflated.length >= entry.data.length;
    const body = stored ? entry.data : deflated;
    const fields: EntryFields = {
      method: stored ? 0 : 8,
      crc: crc32(entry.data),
      compressed: body.length,
      size: entry.data.length,
    };

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    writeEntryFields(local, 6, fields, name.length);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(VERSION, 4);
    central.writeUInt16LE(VERSION, 6);
    writeEntryFields(central, 8, fields, name.length);
    central.writeUInt32LE(offset, 42); // extra, comment, disk, attributes (30-41) stay 0
    centrals.push(central, name);

    offset += local.length + name.length + body.length;
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

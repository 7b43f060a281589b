/**
 * Checksums used by clinical formats: CRC-CCITT (SCP-ECG, ISHNE) and CRC-32 (GE MUSE LeadDataCRC32).
 */

const CRC32_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

const CRC16_TABLE = (() => {
  const t = new Uint16Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n << 8;
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff;
    t[n] = c;
  }
  return t;
})();

/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection) of `bytes[start, end)`,
 * the checksum SCP-ECG (EN 1064) and ISHNE 1.0 put in front of their blocks.
 *
 * @example crc16Ccitt(new TextEncoder().encode('123456789')) // 0x29B1
 */
export function crc16Ccitt(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = 0xffff;
  const stop = Math.min(end, bytes.length);
  for (let i = Math.max(0, start); i < stop; i++) crc = ((crc << 8) & 0xffff) ^ CRC16_TABLE[((crc >>> 8) ^ bytes[i]) & 0xff];
  return crc;
}

/**
 * zlib's CRC-32 of `bytes`, as GE MUSE stores it in `LeadDataCRC32` (unsigned).
 *
 * @example crc32(new TextEncoder().encode('123456789')) // 0xCBF43926
 */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC32_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

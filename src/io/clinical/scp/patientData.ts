/**
 * SCP-ECG section 1 (patient and acquisition data, tag-length-value). Returns the tags this
 * project uses by name, unknown tags as hex by number; never throws (a cut tag ends the list).
 *
 * @example parseScpSection1(section1Data).patient.lastName // 'Clark'
 */
export function parseScpSection1(sec: Uint8Array): { patient: Record<string, unknown>; acquisition: Record<string, unknown>; startTime: Date | null } {
  const dv = new DataView(sec.buffer, sec.byteOffset, sec.byteLength);
  const patient: Record<string, unknown> = {};
  const acquisition: Record<string, unknown> = {};
  let date: [number, number, number] | null = null;
  let time: [number, number, number] | null = null;
  const text = (o: number, n: number) => {
    let s = '';
    for (let i = o; i < o + n && sec[i] !== 0; i++) s += String.fromCharCode(sec[i]);
    return s.trim();
  };
  let o = 0;
  for (let guard = 0; o + 3 <= sec.length && guard < 1000; guard++) {
    const tag = sec[o];
    const len = dv.getUint16(o + 1, true);
    const v = o + 3;
    if (tag === 255) break;
    if (v + len > sec.length) break;
    switch (tag) {
      case 0: patient.lastName = text(v, len); break;
      case 1: patient.firstName = text(v, len); break;
      case 2: patient.id = text(v, len); break;
      case 4: if (len >= 3) patient.age = { value: dv.getUint16(v, true), unit: ['unspecified', 'years', 'months', 'weeks', 'days', 'hours'][sec[v + 2]] ?? 'unknown' }; break;
      case 5: if (len >= 4) patient.birthDate = `${dv.getUint16(v, true)}-${String(sec[v + 2]).padStart(2, '0')}-${String(sec[v + 3]).padStart(2, '0')}`; break;
      case 6: if (len >= 3) patient.heightCm = sec[v + 2] === 1 ? dv.getUint16(v, true) : null; break;
      case 7: if (len >= 3) patient.weightKg = sec[v + 2] === 1 ? dv.getUint16(v, true) : null; break;
      case 8: if (len >= 1) patient.sex = ['unknown', 'male', 'female'][sec[v]] ?? 'unspecified'; break;
      case 11: if (len >= 2) patient.systolicMmHg = dv.getUint16(v, true); break;
      case 12: if (len >= 2) patient.diastolicMmHg = dv.getUint16(v, true); break;
      case 14: case 15: {
        // Fixed binary part (ids, codes) then NUL-separated strings; keep the ids and every readable string.
        const strings: string[] = [];
        let cur = '';
        for (let p = v; p < v + len; p++) {
          const c = sec[p];
          if (c >= 32 && c < 127) cur += String.fromCharCode(c);
          else { if (cur.length >= 2) strings.push(cur); cur = ''; }
        }
        if (cur.length >= 2) strings.push(cur);
        acquisition[tag === 14 ? 'acquiringDevice' : 'analyzingDevice'] = { deviceId: len >= 6 ? dv.getUint16(v + 4, true) : null, strings };
        break;
      }
      case 16: acquisition.institution = text(v, len); break;
      case 25: if (len >= 4) date = [dv.getUint16(v, true), sec[v + 2], sec[v + 3]]; break;
      case 26: if (len >= 3) time = [sec[v], sec[v + 1], sec[v + 2]]; break;
      case 27: if (len >= 2) acquisition.highPassHz = dv.getUint16(v, true) / 100; break;
      case 28: if (len >= 2) acquisition.lowPassHz = dv.getUint16(v, true); break;
      case 29: if (len >= 1) acquisition.filterBitmap = sec[v]; break;
      case 30: acquisition.freeText = text(v, len); break;
      case 13: acquisition.referralIndication = text(v, len); break;
      case 35: patient.medicalHistory = text(v, len); break;
      default: break;
    }
    o = v + len;
  }
  let startTime: Date | null = null;
  if (date && date[0] > 1800 && date[1] >= 1 && date[1] <= 12 && date[2] >= 1 && date[2] <= 31) {
    const [h, m, s] = time ?? [0, 0, 0];
    const ms = Date.UTC(date[0], date[1] - 1, date[2], h, m, s);
    if (Number.isFinite(ms)) startTime = new Date(ms);
  }
  return { patient, acquisition, startTime };
}

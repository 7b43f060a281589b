"""Writes src/interpret/scpStatements.ts: the rows of PTB-XL's scp_statements.csv for the codes sinus uses.

Run from the repository root: /usr/bin/python3 training/interpretation/scp_table.py
"""
import csv

CODES = ("SR SBRAD STACH SARRH AFIB AFLT SVTAC PSVT PACE BIGU TRIGU PVC PAC 1AVB 2AVB 3AVB CLBBB ILBBB CRBBB IRBBB "
         "LAFB LPFB IVCD WPW LVH VCLVH RVH LAO/LAE RAO/RAE LVOLT HVOLT IMI AMI ASMI ALMI LMI PMI ILMI STE_ STD_ INVT "
         "NST_ NT_ LOWT LNGQT QWAVE NORM ISC_ ISCAN ISCAS ISCAL ISCIN ISCIL ISCLA").split()

HEAD = """/**
 * The rows of PTB-XL's SCP-ECG statement table (`scp_statements.csv`, PTB-XL 1.0.3, Wagner et al.,
 * Sci Data 2020; PhysioNet; CC BY 4.0) for the codes sinus uses: description, AHA code, PTB-XL
 * diagnostic superclass and subclass, and whether PTB-XL counts the code as diagnostic, form or rhythm.
 * Copied from the csv by training/interpretation/scp_table.py; do not edit by hand.
 */

/** PTB-XL's diagnostic superclasses. */
export type ScpSuperclass = 'NORM' | 'MI' | 'STTC' | 'CD' | 'HYP';

/** One row of the PTB-XL statement table. */
export interface ScpStatementRow {
  code: string;
  description: string;
  ahaCode: string | null;
  superclass: ScpSuperclass | null;
  subclass: string | null;
  kinds: Array<'diagnostic' | 'form' | 'rhythm'>;
}

/**
 * The PTB-XL statement rows sinus uses, by code.
 *
 * @example SCP_STATEMENTS.CLBBB.ahaCode // '104'
 */
export const SCP_STATEMENTS: Readonly<Record<string, ScpStatementRow>> = {"""


def q(s):
    return "null" if not s else "'" + s.replace("'", "\\'") + "'"


def main():
    rows = {r['']: r for r in csv.DictReader(open('../shared/data/ptb-xl/scp_statements.csv'))}
    out = [HEAD]
    for c in CODES:
        r = rows[c]
        kinds = ', '.join(repr(k) for k in ('diagnostic', 'form', 'rhythm') if r[k] == '1.0')
        out.append(f"  '{c}': {{ code: '{c}', description: {q(r['description'])}, ahaCode: {q(r['AHA code'])}, "
                   f"superclass: {q(r['diagnostic_class'])}, subclass: {q(r['diagnostic_subclass'])}, kinds: [{kinds}] }},")
    out.append('};')
    open('src/interpret/scpStatements.ts', 'w').write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()

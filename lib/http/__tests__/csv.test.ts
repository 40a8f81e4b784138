import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { csvCell, csvDocument, csvRow, downloadFileName, UTF8_BOM } from '../csv';

/** A strict RFC 4180 reader (CRLF records, quoted fields with doubled quotes), to read back what was written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quote');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`a bare quote at ${i}`);
        field += text[i];
        i += 1;
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i += 1;
    } else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else if (i < text.length) {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

describe('csvCell', () => {
  test.each([
    ['plain text as it is', 'Ada', 'Ada'],
    ['a comma: quoted', 'Lovelace, Ada', '"Lovelace, Ada"'],
    ['a quote: quoted and doubled', 'Ada "the Countess"', '"Ada ""the Countess"""'],
    ['a comma and a quote', 'Smith, "Jo"', '"Smith, ""Jo"""'],
    ['a line break: quoted', 'two\nlines', '"two\nlines"'],
    ['a carriage return inside: quoted', 'a\rb', '"a\rb"'],
    ['= (a formula): prefixed', '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+ : prefixed', '+1', "'+1"],
    ['- : prefixed', '-2+3', "'-2+3"],
    ['@ : prefixed', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab: prefixed', '\t=1', "'\t=1"],
    ['a leading carriage return: prefixed and quoted', '\r=1', `"'\r=1"`],
    ['= later in the text: left alone', 'a=b', 'a=b'],
    ['non-ASCII as it is', 'Zoë Łukasz 陈', 'Zoë Łukasz 陈'],
    ['empty text', '', ''],
  ])('%s', (_name, value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  test.each([
    [2, '2'],
    [0, '0'],
    [-1, '-1'],
    [1.5, '1.5'],
    [Number.NaN, ''],
    [null, ''],
  ])('%s is written as %j (numbers are never prefixed)', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });
});

describe('csvDocument', () => {
  test('the BOM first, each record ended by CRLF', () => {
    expect(
      csvDocument([
        ['Name', 'Objections'],
        ['Ada', 2],
        ['Smith, "Jo"', null],
      ]),
    ).toBe(`${UTF8_BOM}Name,Objections\r\nAda,2\r\n"Smith, ""Jo""",\r\n`);
    expect(csvDocument([])).toBe(UTF8_BOM);
    expect(csvRow(['a', 1, null, 'b'])).toBe('a,1,,b');
  });

  test('any text reads back as written, but for the prefix a formula gets', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const read = parseCsv(csvDocument(rows).slice(UTF8_BOM.length));
        expect(read).toEqual(rows.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell))));
      }),
    );
  });
});

describe('downloadFileName', () => {
  test.each([
    ['negotiate-now-period-3-progress.csv', 'negotiate-now-period-3-progress.csv'],
    ['a"b\r\nc/d\\e.csv', 'a-b--c-d-e.csv'],
    ['zoë.csv', 'zo-.csv'],
  ])('%j → %j', (name, safe) => {
    expect(downloadFileName(name)).toBe(safe);
  });
});

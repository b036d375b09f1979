#!/usr/bin/env python3
"""Writes the fixtures of CharterWorkbook's tests, so they can be remade and reviewed.

    scripts/make-workbook-fixtures.py

- Tests/CharterTests/Fixtures/deflate/NAME.bin and NAME.deflate: an input and its raw DEFLATE
  stream (zlib, wbits=-15) at several levels and strategies, so the inflater is checked against
  zlib itself without the tests needing Python.
- Tests/CharterTests/Fixtures/workbooks/*.xlsx: small workbooks written with zipfile, one of them
  laid out the way Excel saves one (shared strings, styles with date formats, a missing cell,
  Chinese sheet names).
- Tests/Fuzz/seeds/workbook/*: the same workbooks' parts, as the `workbook` fuzz target's second
  form reads them (see Tests/Fuzz/WorkbookFuzz.swift).

Everything is deterministic: running it again rewrites the same bytes (for one zlib version; the
one used is printed).
"""

import io
import os
import random
import warnings
import zipfile
import zlib

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIXTURES = os.path.join(ROOT, "Tests", "CharterTests", "Fixtures")


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as file:
        file.write(data)


# --- DEFLATE vectors -------------------------------------------------------------------------------


def deflate(data, level=6, strategy=zlib.Z_DEFAULT_STRATEGY, mem_level=8):
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15, mem_level, strategy)
    return compressor.compress(data) + compressor.flush()


def text_sample(rng, size):
    """Words of a members' table, English and Chinese, so matches and literals both occur."""
    words = ["member", "full", "probationary", "community", "unit", "2026-06-30", "党员", "正式党员",
             "预备党员", "社区", "在职", "离退休", "支部", "积分", ",", "\n", " ", "0", "1", "42"]
    out = bytearray()
    while len(out) < size:
        out += rng.choice(words).encode("utf-8")
    return bytes(out[:size])


def deflate_vectors():
    rng = random.Random(17)
    text = text_sample(rng, 6000)
    noise = bytes(rng.getrandbits(8) for _ in range(3000))
    runs = b"".join(bytes([rng.choice(b"ab\x00")]) * rng.randint(1, 600) for _ in range(40))
    vectors = {
        # An empty input: one fixed block holding only its end.
        "empty": (b"", dict(level=6)),
        # Short text: zlib picks a fixed-Huffman block.
        "short-fixed": (b"hello, hello, hello members", dict(level=6)),
        # Fixed-Huffman forced on text long enough for matches of every length.
        "text-fixed": (text, dict(level=6, strategy=zlib.Z_FIXED)),
        # Level 0: stored blocks only; a small memLevel makes many of them.
        "text-stored": (text[:2500], dict(level=0, mem_level=1)),
        # Dynamic-Huffman blocks at levels 1, 6 and 9.
        "text-level1": (text, dict(level=1)),
        "text-level6": (text, dict(level=6)),
        "text-level9": (text, dict(level=9)),
        # memLevel 1: a new block every 128 symbols, so many dynamic headers in one stream.
        "text-many-blocks": (text, dict(level=9, mem_level=1)),
        # Huffman only (literals, no matches) and run-length (distance 1 only).
        "text-huffman-only": (text[:3000], dict(level=6, strategy=zlib.Z_HUFFMAN_ONLY)),
        "runs-rle": (runs, dict(level=6, strategy=zlib.Z_RLE)),
        "runs-level9": (runs, dict(level=9)),
        # Random bytes: zlib falls back to stored blocks inside a compressed stream.
        "noise-level6": (noise, dict(level=6)),
        # Text, then random bytes, then the text again: a match from far back.
        "far-match": (text[:2000] + noise + text[:2000], dict(level=9)),
    }
    folder = os.path.join(FIXTURES, "deflate")
    for name, (data, options) in vectors.items():
        stream = deflate(data, **options)
        assert zlib.decompress(stream, -15) == data
        write(os.path.join(folder, name + ".bin"), data)
        write(os.path.join(folder, name + ".deflate"), stream)


# --- Zip archives --------------------------------------------------------------------------------

# A fixed time for every entry, so the archives are the same bytes on every run.
WHEN = (2026, 6, 30, 9, 30, 0)


def info(name, method=zipfile.ZIP_DEFLATED):
    entry = zipfile.ZipInfo(name, WHEN)
    entry.compress_type = method
    entry.external_attr = 0o644 << 16
    return entry


class Unseekable(io.RawIOBase):
    """A stream that cannot seek back, so zipfile writes each entry's sizes in a data descriptor."""

    def __init__(self):
        self.data = bytearray()

    def writable(self):
        return True

    def write(self, chunk):
        self.data += chunk
        return len(chunk)


class GBKName(zipfile.ZipInfo):
    """An entry whose name is written in GBK without the UTF-8 flag, as old Chinese tools do."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits


def zip_fixtures():
    folder = os.path.join(FIXTURES, "zip")
    text = "党员,member\n".encode("utf-8") * 40
    # Stored and deflated entries, a folder, a UTF-8 name, and an archive comment.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(info("folder/", zipfile.ZIP_STORED), b"")
        archive.writestr(info("stored.txt", zipfile.ZIP_STORED), b"stored bytes\n")
        archive.writestr(info("deflated.csv"), text)
        archive.writestr(info("名单/党员.csv"), text)
        archive.comment = b"An archive comment, as some tools leave one."
    write(os.path.join(folder, "comment.zip"), buffer.getvalue())
    # Written to a stream that cannot seek: every entry has a data descriptor (flag bit 3).
    stream = Unseekable()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr(info("deflated.csv"), text)
        archive.writestr(info("stored.txt", zipfile.ZIP_STORED), b"stored bytes\n")
    write(os.path.join(folder, "descriptor.zip"), bytes(stream.data))
    # A GBK name without the UTF-8 flag, and the same with an Info-ZIP Unicode Path extra field.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        entry = GBKName("党员.csv", WHEN)
        entry.compress_type = zipfile.ZIP_STORED
        archive.writestr(entry, b"id\n")
        entry = GBKName("名单.csv", WHEN)
        entry.compress_type = zipfile.ZIP_STORED
        raw = "名单.csv".encode("gbk")
        unicode = "名单.csv".encode("utf-8")
        body = bytes([1]) + zlib.crc32(raw).to_bytes(4, "little") + unicode
        entry.extra = (0x7075).to_bytes(2, "little") + len(body).to_bytes(2, "little") + body
        archive.writestr(entry, b"id\n")
    write(os.path.join(folder, "gbk-names.zip"), buffer.getvalue())
    # Two entries of one name (zipfile warns, and writes them).
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(info("xl/workbook.xml"), b"<workbook/>")
            archive.writestr(info("xl/workbook.xml"), b"<other/>")
    write(os.path.join(folder, "duplicate.zip"), buffer.getvalue())


# --- Workbooks -----------------------------------------------------------------------------------

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


def content_types(overrides):
    parts = "".join('<Override PartName="/%s" ContentType="%s"/>' % item for item in overrides)
    return (DECLARATION + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + parts + "</Types>")


def relationships(items, namespace=PKG):
    body = "".join('<Relationship Id="%s" Type="%s" Target="%s"/>' % item for item in items)
    return DECLARATION + '<Relationships xmlns="%s">%s</Relationships>' % (namespace, body)


SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


def excel_members():
    """A workbook laid out as Excel 2016 on Chinese Windows saves one."""
    shared = [
        "编号", "姓名", "出生日期", "入党日期", "党员类别", "在职", "积分", "备注",  # 0-7: headers
        "M001", "张三", "正式党员",  # 8-10
        "M002", None, "预备党员",  # 11-13: 12 is rich text
        "M003", "李四 ", None,  # 14-16: 15 ends in a space, 16 has an escape
        "锦江区", "成华区",  # 17-18
    ]
    items = []
    for index, text in enumerate(shared):
        if index == 12:
            # Rich text: two runs with fonts, and a phonetic run that is not part of the text.
            items.append('<si><r><rPr><b/><sz val="11"/><rFont val="等线"/><family val="3"/><charset val="134"/>'
                         '</rPr><t>王</t></r><r><rPr><sz val="11"/><rFont val="等线"/></rPr><t>五</t></r>'
                         '<rPh sb="0" eb="1"><t>ワン</t></rPh><phoneticPr fontId="1" type="noConversion"/></si>')
        elif index == 16:
            items.append('<si><t>第一行_x000D_\n第二行</t></si>')
        elif text != text.strip():
            items.append('<si><t xml:space="preserve">%s</t></si>' % text)
        else:
            items.append("<si><t>%s</t><phoneticPr fontId=\"1\" type=\"noConversion\"/></si>" % text)
    shared_strings = (DECLARATION + '<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
                      % (MAIN, len(items) + 3, len(items), "".join(items)))
    styles = (DECLARATION +
              '<styleSheet xmlns="%s" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
              'mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">'
              '<numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/>'
              '<numFmt numFmtId="177" formatCode="[h]:mm:ss"/></numFmts>'
              '<fonts count="2" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="等线"/>'
              '<family val="2"/><charset val="134"/><scheme val="minor"/></font><font><sz val="9"/><name val="等线"/>'
              '<family val="3"/><charset val="134"/><scheme val="minor"/></font></fonts>'
              '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
              '</fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
              # A cell style format with a date: not a cell format, so not an index cells use.
              '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/>'
              '</xf><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="7">'
              '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>'
              '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="20" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '<xf numFmtId="177" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
              '</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>'
              '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" '
              'defaultPivotStyle="PivotStyleLight16"/></styleSheet>') % MAIN

    def s(ref, index, style=None):
        return '<c r="%s"%s t="s"><v>%d</v></c>' % (ref, ' s="%d"' % style if style is not None else "", index)

    def n(ref, value, style=None):
        return '<c r="%s"%s><v>%s</v></c>' % (ref, ' s="%d"' % style if style is not None else "", value)

    rows = [
        (1, [s("A1", 0), s("B1", 1), s("C1", 2), s("D1", 3), s("E1", 4), s("F1", 5), s("G1", 6), s("H1", 7)]),
        # 1985-03-12 is serial 31118; 2010-07-01 is 40360.
        (2, [s("A2", 8), s("B2", 9), n("C2", 31118, 1), n("D2", 40360, 2), s("E2", 10),
             '<c r="F2" t="b"><v>1</v></c>', n("G2", "12.5", 5), '<c r="H2" t="e"><f>VLOOKUP(A2,X:Y,2,0)</f><v>#N/A</v></c>']),
        # No birth date (C3 left out), a styled empty cell F3, a formula's text result in H3.
        (3, [s("A3", 11), s("B3", 12), n("D3", "43646.75", 1), s("E3", 13), '<c r="F3" s="3"/>',
             n("G3", "0.1", 5), '<c r="H3" t="str"><f>A3&amp;"-"&amp;E3</f><v>M002-预备党员</v></c>']),
        # Row 4 is left out; row 5: a time-only format and a duration (numbers, not dates).
        (5, [s("A5", 14), s("B5", 15), n("C5", 0.5, 4), n("D5", "1.25", 6), s("E5", 10),
             '<c r="F5" t="b"><v>0</v></c>', n("G5", "-3E-2"), s("H5", 16)]),
        # A row of only formatted empty cells, as Excel leaves after a row's values are deleted.
        (6, ['<c r="A6" s="3"/>', '<c r="B6" s="3"/>']),
    ]
    sheet_data = "".join('<row r="%d" spans="1:8" x14ac:dyDescent="0.2">%s</row>' % (r, "".join(cells))
                         for r, cells in rows)
    sheet1 = (DECLARATION +
              '<worksheet xmlns="%s" xmlns:r="%s" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
              'mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" '
              'xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" '
              'xr:uid="{00000000-0001-0000-0000-000000000000}">'
              '<dimension ref="A1:H6"/><sheetViews><sheetView tabSelected="1" workbookViewId="0">'
              '<selection activeCell="C3" sqref="C3"/></sheetView></sheetViews>'
              '<sheetFormatPr defaultRowHeight="14.25" x14ac:dyDescent="0.2"/>'
              '<cols><col min="3" max="4" width="12.625" style="1" customWidth="1"/></cols>'
              '<sheetData>%s</sheetData>'
              '<phoneticPr fontId="1" type="noConversion"/>'
              '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
              '<pageSetup paperSize="9" orientation="portrait" r:id="rId1"/>'
              '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
              'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" '
              'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list">'
              '<x14:formula1><xm:f>组织!$A$1:$A$2</xm:f></x14:formula1><xm:sqref>E2:E100</xm:sqref>'
              '</x14:dataValidation></x14:dataValidations></ext></extLst></worksheet>') % (MAIN, REL, sheet_data)
    sheet2 = (DECLARATION + '<worksheet xmlns="%s" xmlns:r="%s"><dimension ref="A1:A2"/><sheetData>'
              '<row r="1"><c r="A1" t="s"><v>17</v></c></row><row r="2"><c r="A2" t="s"><v>18</v></c></row>'
              '</sheetData></worksheet>') % (MAIN, REL)
    workbook = (DECLARATION +
                '<workbook xmlns="%s" xmlns:r="%s" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                'mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">'
                '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>'
                '<workbookPr defaultThemeVersion="166925"/>'
                '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
                '<mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\组织部\\Desktop\\" '
                'xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice>'
                '</mc:AlternateContent>'
                '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840"/>'
                '</bookViews><sheets><sheet name="党员" sheetId="1" r:id="rId1"/>'
                '<sheet name="组织" sheetId="2" r:id="rId2"/></sheets>'
                '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">党员!$A$1:$H$5'
                '</definedName></definedNames><calcPr calcId="191029"/></workbook>') % (MAIN, REL)
    theme = (DECLARATION + '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office 主题">'
             '<a:themeElements><a:clrScheme name="Office"/><a:fontScheme name="Office"/><a:fmtScheme name="Office"/>'
             '</a:themeElements></a:theme>')
    parts = [
        ("[Content_Types].xml", content_types([
            ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
            ("xl/worksheets/sheet1.xml", SHEET_TYPE), ("xl/worksheets/sheet2.xml", SHEET_TYPE),
            ("xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
            ("xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
            ("xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"),
            ("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")])),
        ("_rels/.rels", relationships([
            ("rId3", DOC + "/extended-properties", "docProps/app.xml"),
            ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
             "docProps/core.xml"),
            ("rId1", DOC + "/officeDocument", "xl/workbook.xml")])),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", relationships([
            ("rId3", DOC + "/theme", "theme/theme1.xml"), ("rId2", DOC + "/worksheet", "worksheets/sheet2.xml"),
            ("rId1", DOC + "/worksheet", "worksheets/sheet1.xml"), ("rId5", DOC + "/sharedStrings", "sharedStrings.xml"),
            ("rId4", DOC + "/styles", "styles.xml")])),
        ("xl/worksheets/sheet1.xml", sheet1),
        ("xl/worksheets/sheet2.xml", sheet2),
        ("xl/theme/theme1.xml", theme),
        ("xl/styles.xml", styles),
        ("xl/sharedStrings.xml", shared_strings),
        ("docProps/core.xml", DECLARATION + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
         'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>组织部</dc:creator>'
         '</cp:coreProperties>'),
        ("docProps/app.xml", DECLARATION + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
         'extended-properties"><Application>Microsoft Excel</Application></Properties>'),
    ]
    return parts


def minimal():
    """The least a reader must take: no package relationships, no shared strings, no styles, inline
    strings, rows and cells without references."""
    workbook = ('<workbook xmlns="%s" xmlns:r="%s"><sheets><sheet name="members" sheetId="1" r:id="rId1"/>'
                '</sheets></workbook>') % (MAIN, REL)
    sheet = ('<worksheet xmlns="%s"><sheetData><row><c t="inlineStr"><is><t>id</t></is></c>'
             '<c t="inlineStr"><is><t>name</t></is></c></row>'
             '<row><c t="inlineStr"><is><t>M001</t></is></c><c t="inlineStr"><is><r><t>Zhang</t></r>'
             '<r><t xml:space="preserve"> San</t></r></is></c><c><v>7</v></c></row></sheetData></worksheet>') % MAIN
    return [
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", relationships([("rId1", DOC + "/worksheet", "/xl/worksheets/sheet1.xml")])),
        ("xl/worksheets/sheet1.xml", sheet),
    ]


def date1904():
    """A workbook in the 1904 date system, as old Mac Excel saved them."""
    workbook = ('<workbook xmlns="%s" xmlns:r="%s"><workbookPr date1904="1"/><sheets>'
                '<sheet name="Dates" sheetId="1" r:id="rId1"/></sheets></workbook>') % (MAIN, REL)
    styles = ('<styleSheet xmlns="%s"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'
              '</styleSheet>') % MAIN
    # 2026-06-30 is serial 44741 in the 1904 system (46203 in the 1900 one); 0 is 1904-01-01.
    sheet = ('<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" s="1"><v>44741</v></c>'
             '<c r="B1" s="1"><v>0</v></c></row></sheetData></worksheet>') % MAIN
    return [
        ("[Content_Types].xml", content_types([("xl/workbook.xml", "application/vnd.openxmlformats-officedocument."
                                                "spreadsheetml.sheet.main+xml")])),
        ("_rels/.rels", relationships([("rId1", DOC + "/officeDocument", "xl/workbook.xml")])),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", relationships([
            ("rId1", DOC + "/worksheet", "worksheets/sheet1.xml"), ("rId2", DOC + "/styles", "styles.xml")])),
        ("xl/styles.xml", styles),
        ("xl/worksheets/sheet1.xml", sheet),
    ]


def wps_strict():
    """The forms other writers use: the strict namespaces with an `x:` prefix, the workbook part
    elsewhere than xl/, Chinese built-in date formats used without a definition (as WPS does), a
    hidden sheet and a chart sheet."""
    strict_main = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    strict_rel = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    workbook = ('<x:workbook xmlns:x="%s" xmlns:r="%s"><x:sheets><x:sheet name="名单" sheetId="1" r:id="R1"/>'
                '<x:sheet name="隐藏" sheetId="2" state="hidden" r:id="R2"/><x:sheet name="图表" sheetId="3" r:id="R3"/>'
                '</x:sheets></x:workbook>') % (strict_main, strict_rel)
    styles = ('<x:styleSheet xmlns:x="%s"><x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="57"/><x:xf numFmtId="31"/>'
              '<x:xf numFmtId="32"/></x:cellXfs></x:styleSheet>') % strict_main
    sheet1 = ('<x:worksheet xmlns:x="%s"><x:sheetData><x:row r="1"><x:c r="A1" s="1"><x:v>46203</x:v></x:c>'
              '<x:c r="B1" s="2"><x:v>46203</x:v></x:c><x:c r="C1" s="3"><x:v>0.5</x:v></x:c>'
              '<x:c r="D1" t="inlineStr"><x:is><x:t>文字</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>'
              ) % strict_main
    sheet2 = ('<x:worksheet xmlns:x="%s"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>hidden</x:t>'
              '</x:is></x:c></x:row></x:sheetData></x:worksheet>') % strict_main
    chart = '<x:chartsheet xmlns:x="%s"><x:sheetViews><x:sheetView workbookViewId="0"/></x:sheetViews></x:chartsheet>' % strict_main
    strict_doc = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    return [
        ("_rels/.rels", relationships([("rId1", strict_doc + "/officeDocument", "/book/workbook.xml")])),
        ("book/workbook.xml", workbook),
        ("book/_rels/workbook.xml.rels", relationships([
            ("R1", strict_doc + "/worksheet", "sheets/one.xml"), ("R2", strict_doc + "/worksheet", "./sheets/../sheets/two.xml"),
            ("R3", strict_doc + "/chartsheet", "charts/chart1.xml"), ("R4", strict_doc + "/styles", "/book/styles.xml")])),
        ("book/styles.xml", styles),
        ("book/sheets/one.xml", sheet1),
        ("book/sheets/two.xml", sheet2),
        ("book/charts/chart1.xml", chart),
    ]


def save_workbook(path, parts, method=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts:
            archive.writestr(info(name, method), text.encode("utf-8"))
    write(path, buffer.getvalue())
    return buffer.getvalue()


def fuzz_seed(parts):
    """A workbook's parts as the workbook fuzz target's second form takes them: the selector byte
    1, then workbook.xml, workbook.xml.rels, sharedStrings.xml, styles.xml and sheet1.xml, each
    ended by a NUL byte (see Tests/Fuzz/WorkbookFuzz.swift)."""
    by_name = dict(parts)
    order = ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml",
             "xl/worksheets/sheet1.xml"]
    return b"\x01" + b"".join(by_name.get(name, "").encode("utf-8") + b"\x00" for name in order)


def workbook_fixtures():
    folder = os.path.join(FIXTURES, "workbooks")
    seeds = os.path.join(ROOT, "Tests", "Fuzz", "seeds", "workbook")
    for name, parts in [("excel-members", excel_members()), ("minimal", minimal()), ("date1904", date1904()),
                        ("wps-strict", wps_strict())]:
        save_workbook(os.path.join(folder, name + ".xlsx"), parts)
        if name != "wps-strict":
            write(os.path.join(seeds, name + ".parts"), fuzz_seed(parts))
    # The same Excel workbook with every entry stored, as some tools save.
    save_workbook(os.path.join(folder, "excel-members-stored.xlsx"), excel_members(), zipfile.ZIP_STORED)


def main():
    print("zlib", zlib.ZLIB_RUNTIME_VERSION)
    deflate_vectors()
    zip_fixtures()
    workbook_fixtures()


if __name__ == "__main__":
    main()

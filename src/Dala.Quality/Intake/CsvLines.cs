using System.Buffers;
using System.Text;
using Dala.Geo.Io;

namespace Dala.Quality.Intake;

/// <summary>
/// A streaming RFC 4180 reader for measurement files, with the rules of <see cref="CsvReader"/> (quoted fields with
/// doubled quotes and embedded newlines, CRLF or LF, a leading BOM ignored, blank lines skipped, each record with the
/// line it starts on, the same <see cref="CsvFormatException"/>s) but without a string per field: a record is one
/// reusable character buffer and field boundaries, searched for delimiters a block at a time.
/// </summary>
internal sealed class CsvLines(TextReader reader)
{
    private static readonly SearchValues<char> Special = SearchValues.Create(",\"\r\n");
    private readonly char[] _buf = new char[1 << 16];
    private int _pos;
    private int _len;
    private bool _eof;
    private bool _started;
    private int _line = 1;
    private char[] _rec = new char[512];
    private int _recLen;
    private int[] _fieldStart = new int[32];
    private int[] _fieldEnd = new int[32];

    /// <summary>The line the current record starts on.</summary>
    public int Line { get; private set; }

    public int FieldCount { get; private set; }

    /// <summary>The current record's length in characters (its fields and the commas between them).</summary>
    public int Length => _recLen;

    /// <summary>The current record's characters: its fields and the commas between them (quotes removed).</summary>
    public ReadOnlySpan<char> Record => _rec.AsSpan(0, _recLen);

    /// <summary>Whether the current record had a quoted field (then its text is not simply the fields joined by commas).</summary>
    public bool Quoted { get; private set; }

    public ReadOnlySpan<char> Field(int i) => _rec.AsSpan(_fieldStart[i], _fieldEnd[i] - _fieldStart[i]);

    /// <summary>
    /// The record as today's reports show it: its fields joined with commas, a field quoted when it holds a comma or a
    /// quote. Without a quoted field that is the record's characters as they are (<see cref="Record"/>).
    /// </summary>
    public string Content()
    {
        if (!Quoted) return new string(Record);
        var b = new StringBuilder(_recLen + 8);
        for (var i = 0; i < FieldCount; i++)
        {
            if (i > 0) b.Append(',');
            var f = Field(i);
            if (f.IndexOfAny(',', '"') < 0) b.Append(f);
            else
            {
                b.Append('"');
                foreach (var ch in f)
                {
                    if (ch == '"') b.Append('"');
                    b.Append(ch);
                }
                b.Append('"');
            }
        }
        return b.ToString();
    }

    private int Peek()
    {
        if (_pos == _len && !Fill()) return -1;
        return _buf[_pos];
    }

    private bool Fill()
    {
        if (_eof) return false;
        _len = reader.Read(_buf, 0, _buf.Length);
        _pos = 0;
        if (_len == 0) _eof = true;
        return _len > 0;
    }

    private void Append(ReadOnlySpan<char> s)
    {
        if (_recLen + s.Length > _rec.Length) Array.Resize(ref _rec, Math.Max(_rec.Length * 2, _recLen + s.Length));
        s.CopyTo(_rec.AsSpan(_recLen));
        _recLen += s.Length;
    }

    private void Append(char c)
    {
        if (_recLen == _rec.Length) Array.Resize(ref _rec, _rec.Length * 2);
        _rec[_recLen++] = c;
    }

    private void EndField(int start)
    {
        if (FieldCount == _fieldStart.Length)
        {
            Array.Resize(ref _fieldStart, FieldCount * 2);
            Array.Resize(ref _fieldEnd, FieldCount * 2);
        }
        _fieldStart[FieldCount] = start;
        _fieldEnd[FieldCount] = _recLen;
        FieldCount++;
    }

    /// <summary>Reads the next record; false at the end of the file.</summary>
    public bool Next()
    {
        if (!_started)
        {
            _started = true;
            if (Peek() == '\uFEFF') _pos++;
        }
        while (true)
        {
            if (Peek() < 0) return false;
            if (ReadRecord()) return true;
        }
    }

    /// <summary>One record (false for a blank line, which is skipped).</summary>
    private bool ReadRecord()
    {
        Line = _line;
        _recLen = 0;
        FieldCount = 0;
        Quoted = false;
        var fieldStart = 0;
        var quotedField = false;
        while (true)
        {
            if (_pos == _len && !Fill())
            {
                EndField(fieldStart);
                return !(FieldCount == 1 && _recLen == 0 && !quotedField);
            }
            var span = _buf.AsSpan(_pos, _len - _pos);
            var i = span.IndexOfAny(Special);
            if (i < 0)
            {
                if (quotedField) throw new CsvFormatException(_line, "text after a closing quote");
                Append(span);
                _pos = _len;
                continue;
            }
            if (i > 0)
            {
                if (quotedField) throw new CsvFormatException(_line, "text after a closing quote");
                Append(span[..i]);
            }
            _pos += i + 1;
            switch (span[i])
            {
                case ',':
                    EndField(fieldStart);
                    Append(',');
                    fieldStart = _recLen;
                    quotedField = false;
                    break;
                case '"':
                    if (_recLen > fieldStart || quotedField) throw new CsvFormatException(_line, "a quote inside an unquoted field");
                    quotedField = true;
                    Quoted = true;
                    ReadQuoted();
                    break;
                case '\r':
                    if (Peek() == '\n') break;
                    if (quotedField) throw new CsvFormatException(_line, "text after a closing quote");
                    Append('\r');
                    break;
                default: // '\n'
                    EndField(fieldStart);
                    _line++;
                    return !(FieldCount == 1 && _recLen == 0 && !quotedField);
            }
        }
    }

    /// <summary>The rest of a quoted field, after its opening quote, up to and including its closing quote.</summary>
    private void ReadQuoted()
    {
        while (true)
        {
            if (_pos == _len && !Fill()) throw new CsvFormatException(Line, "the file ends inside a quoted field (truncated?)");
            var span = _buf.AsSpan(_pos, _len - _pos);
            var q = span.IndexOfAny('"', '\n');
            if (q < 0)
            {
                Append(span);
                _pos = _len;
                continue;
            }
            Append(span[..q]);
            _pos += q + 1;
            if (span[q] == '\n')
            {
                _line++;
                Append('\n');
                continue;
            }
            if (Peek() == '"')
            {
                _pos++;
                Append('"');
                continue;
            }
            return;
        }
    }
}

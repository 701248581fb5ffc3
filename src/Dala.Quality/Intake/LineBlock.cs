namespace Dala.Quality.Intake;

/// <summary>
/// A batch of input lines copied out of the reader's reusable buffers (<see cref="RawLine"/> and the CSV record are
/// overwritten by the next line), so that a builder thread can build them while the reader reads on. Per line: its
/// number, its error or its fields (the texts in one character buffer), and its text when that is a string already;
/// when it is not (a CSV record with no quoted field, the common case), the record's characters, from which the text
/// is made only if asked for, as before. A block's arrays are reused for the next batch.
/// </summary>
internal sealed class LineBlock(int capacity)
{
    private readonly int[] _number = new int[capacity];
    private readonly string?[] _content = new string?[capacity];
    private readonly string?[] _error = new string?[capacity];
    private readonly int[] _fieldsEnd = new int[capacity];
    private readonly int[] _recordStart = new int[capacity];
    private readonly int[] _recordLength = new int[capacity];
    private byte[] _field = new byte[capacity * 8];
    private int[] _start = new int[capacity * 8];
    private int[] _length = new int[capacity * 8];
    private int _fields;
    private char[] _chars = new char[capacity * 128];
    private int _used;

    /// <summary>The block's place in the file (0 for the first block handed over), so batches are written in file order.</summary>
    public int Sequence { get; set; }

    /// <summary>The ordinal (0-based, over every line of the input) of the block's first line.</summary>
    public int FirstOrdinal { get; private set; }

    public int Count { get; private set; }

    public bool Full => Count == _number.Length;

    /// <summary>Empties the block for lines from <paramref name="firstOrdinal"/> on.</summary>
    public void Clear(int firstOrdinal)
    {
        FirstOrdinal = firstOrdinal;
        Count = 0;
        _fields = 0;
        _used = 0;
        Array.Clear(_content);
        Array.Clear(_error);
    }

    /// <summary>Copies the line (before the reader moves on and reuses its buffers).</summary>
    public void Add(in InputLine line)
    {
        var i = Count++;
        _number[i] = line.Number;
        _error[i] = line.Error;
        var content = line.Content;
        if (line.Raw is { } raw)
        {
            for (var f = (F)0; (int)f < Fields.Count; f++)
            {
                if (!raw.Has(f)) continue;
                if (_fields == _field.Length)
                {
                    Array.Resize(ref _field, _fields * 2);
                    Array.Resize(ref _start, _fields * 2);
                    Array.Resize(ref _length, _fields * 2);
                }
                _field[_fields] = (byte)f;
                (_start[_fields], _length[_fields]) = Copy(raw.Span(f));
                _fields++;
            }
            content ??= raw.ContentIfMade;
            // A quoted record's text is joined again (rare): make it now, while the reader still has the record.
            if (content is null && raw.Record is { Quoted: false } csv) (_recordStart[i], _recordLength[i]) = Copy(csv.Record);
            else content ??= raw.Content;
        }
        _content[i] = content;
        _fieldsEnd[i] = _fields;
    }

    /// <summary>Line <paramref name="i"/> again, its fields put into <paramref name="raw"/> (the builder's own), its text made through <paramref name="text"/>.</summary>
    public InputLine Line(int i, RawLine raw, BlockText text)
    {
        if (_error[i] is { } error) return new InputLine(null, _number[i], _content[i], error);
        text.At(this, i);
        raw.Reset(_number[i], _content[i], _content[i] is null ? text.Make : null);
        for (var k = i == 0 ? 0 : _fieldsEnd[i - 1]; k < _fieldsEnd[i]; k++) raw.Set((F)_field[k], _chars.AsSpan(_start[k], _length[k]));
        return new InputLine(raw, _number[i], _content[i], null);
    }

    /// <summary>The text of a line whose record was copied: the record's characters (what <see cref="CsvLines.Content"/> gives for it).</summary>
    private string RecordText(int i) => new(_chars, _recordStart[i], _recordLength[i]);

    private (int Start, int Length) Copy(ReadOnlySpan<char> text)
    {
        if (_used + text.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + text.Length));
        text.CopyTo(_chars.AsSpan(_used));
        _used += text.Length;
        return (_used - text.Length, text.Length);
    }

    /// <summary>A builder's way to make the text of the line it is at, one delegate for every line.</summary>
    internal sealed class BlockText
    {
        private LineBlock? _block;
        private int _index;

        public BlockText() => Make = () => _block!.RecordText(_index);

        public Func<string> Make { get; }

        public void At(LineBlock block, int index) => (_block, _index) = (block, index);
    }
}

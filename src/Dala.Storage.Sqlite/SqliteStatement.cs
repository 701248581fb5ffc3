using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dala.Storage.Sqlite;

/// <summary>
/// A prepared statement on the raw SQLite handle, bound by position: for bulk paths that run one statement
/// millions of times, where ADO.NET's per-parameter objects cost more than SQLite itself. Texts are encoded into
/// one reusable buffer (SQLite copies what it is given).
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private sqlite3_stmt? _stmt;
    private byte[] _utf8 = new byte[256];

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out var stmt));
        _stmt = stmt;
    }

    public sqlite3_stmt Handle => _stmt ?? throw new ObjectDisposedException(nameof(SqliteStatement));

    public void Text(int i, string? value)
    {
        if (value is null) { Null(i); return; }
        if (value.Length == 0) { Check(raw.sqlite3_bind_text(Handle, i, value)); return; }
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max > _utf8.Length) _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        var n = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(Handle, i, _utf8.AsSpan(0, n)));
    }

    public void Utf8(int i, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_text(Handle, i, value));

    public void Real(int i, double? value)
    {
        if (value is { } v) Check(raw.sqlite3_bind_double(Handle, i, v)); else Null(i);
    }

    public void Integer(int i, long? value)
    {
        if (value is { } v) Check(raw.sqlite3_bind_int64(Handle, i, v)); else Null(i);
    }

    public void Blob(int i, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(Handle, i, value));

    public void Null(int i) => Check(raw.sqlite3_bind_null(Handle, i));

    /// <summary>Runs the statement to its end and makes it ready again; returns the rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(Handle);
        raw.sqlite3_reset(Handle);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) Check(rc);
        return raw.sqlite3_changes(_db);
    }

    /// <summary>Steps a query: true while there is a row.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(Handle);
        if (rc == raw.SQLITE_ROW) return true;
        raw.sqlite3_reset(Handle);
        if (rc != raw.SQLITE_DONE) Check(rc);
        return false;
    }

    /// <summary>Makes a query stopped before its end ready to run again.</summary>
    public void Reset() => raw.sqlite3_reset(Handle);

    public bool IsNull(int column) => raw.sqlite3_column_type(Handle, column) == raw.SQLITE_NULL;

    public string? ColumnText(int column) => IsNull(column) ? null : raw.sqlite3_column_text(Handle, column).utf8_to_string();

    public long ColumnInteger(int column) => raw.sqlite3_column_int64(Handle, column);

    public ReadOnlySpan<byte> ColumnBlob(int column) => raw.sqlite3_column_blob(Handle, column);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
    }

    public void Dispose()
    {
        if (_stmt is null) return;
        raw.sqlite3_finalize(_stmt);
        _stmt = null;
    }
}

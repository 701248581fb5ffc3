using System.Data.Common;
using System.Globalization;

namespace Dala.Platform.Jobs;

/// <summary>
/// The jobs table's columns in the order both stores select them, and the one mapper from such a row to a
/// <see cref="JobRecord"/>: the stores differ only in how they keep a time (ISO text or timestamptz), given as
/// <c>time</c>, and a flag (0/1 or boolean), read through <see cref="Convert"/>.
/// </summary>
public static class JobRows
{
    public const string Columns = "id, kind, input, input_key, status, phase, progress, created_at, started_at, finished_at, error, result_href, " +
                                  "result_plan_id, attempts, worker, heartbeat_at, cancel_requested, submitted_by, role";

    public static JobRecord Read(DbDataReader r, Func<DbDataReader, int, DateTimeOffset> time)
    {
        DateTimeOffset? Time(int i) => r.IsDBNull(i) ? null : time(r, i);
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new JobRecord(r.GetString(0), r.GetString(1), r.GetString(2), Text(3), JobStatuses.Parse(r.GetString(4)), r.GetString(5),
            r.GetDouble(6), time(r, 7), Time(8), Time(9), Text(10),
            Text(11) is { } href ? new JobResult(href, r.IsDBNull(12) ? null : r.GetInt64(12)) : null,
            r.GetInt32(13), Text(14), Time(15), Convert.ToBoolean(r.GetValue(16), CultureInfo.InvariantCulture), Text(17), Text(18));
    }
}
